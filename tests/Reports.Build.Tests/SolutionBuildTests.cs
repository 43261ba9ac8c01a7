namespace Reports.Build.Tests;

/// <summary>
/// The way the repository is built: a solution holding the command's project and report projects that use the default
/// command assembly, built in parallel (<c>-m</c>) twice in a row. The reports must wait for the command (their
/// ProjectReference orders them), find its output (here under an artifacts path), and the second build must succeed
/// without redoing them. Then one report project alone, after its input changed: it restores and builds on a single
/// MSBuild node, as a second node's start-up and JIT would take the cores from the report.
/// </summary>
public sealed partial class SolutionBuildTests
{
    [Fact]
    public void ParallelSolutionBuild_Twice_BuildsTheCommandFirst_ThenSkipsTheReports()
    {
        using var temp = new TemporaryDirectory();
        var first = ReportProject.Create(Path.Combine(temp.Path, "first"), render: false, projectName: "first");
        var second = ReportProject.Create(Path.Combine(temp.Path, "second"), render: false, projectName: "second");
        var commandProject = Path.Combine(TestEnvironment.RepositoryRoot, "src", "Reports.Cli", "Reports.Cli.csproj");
        Run(temp.Path, "new", "sln", "--name", "reports", "--format", "sln");
        Run(temp.Path, "sln", "reports.sln", "add", commandProject, first.ProjectFile, second.ProjectFile);
        // Its own artifacts folder: this build must not touch the repository's bin/ and obj/ folders.
        string[] options = ["-m", "--artifacts-path", Path.Combine(temp.Path, "artifacts"), "-v:d"];

        var build1 = DotnetCli.Build(temp.Path, "reports.sln", options);
        Assert.True(build1.ExitCode == 0, build1.ToString());
        Assert.All(first.ExpectedOutputs(render: false).Concat(second.ExpectedOutputs(render: false)),
            file => Assert.True(File.Exists(file), $"{file} missing after:\n{build1}"));

        var build2 = DotnetCli.Build(temp.Path, "reports.sln", options);
        Assert.True(build2.ExitCode == 0, build2.ToString());
        var skipped = CountOccurrences(build2.Output, "Skipping target \"_GenerateActivationReport\" because all output files are up-to-date");
        Assert.True(skipped == 2, $"expected both reports skipped, found {skipped} in:\n{build2}");

        File.SetLastWriteTimeUtc(first.PromptsPath, DateTime.UtcNow);
        var alone = DotnetCli.Build(first.Directory, first.ProjectFile, options);
        Assert.True(alone.ExitCode == 0, alone.ToString());
        Assert.Contains("Reports.Cli.csproj", alone.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Skipping target \"_GenerateActivationReport\"", alone.Output, StringComparison.Ordinal);
        var otherNodes = alone.Output.Split('\n').Where(l => OtherNode().IsMatch(l)).ToArray();
        Assert.True(otherNodes.Length == 0, $"built on more than one node:\n{string.Join('\n', otherNodes.Take(5))}");
    }

    /// <summary>Detailed logs say where each project runs: "... is building "x.csproj" (2) on node 1 (...)".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@" on node (?!1 )\d+ ")]
    private static partial System.Text.RegularExpressions.Regex OtherNode();

    private static void Run(string directory, params string[] arguments)
    {
        var result = DotnetCli.Run(directory, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
