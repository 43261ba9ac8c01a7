namespace Reports.Build.Tests;

/// <summary>
/// A report built on a build server: the command prints the server's service messages after the files it wrote, and the
/// real <c>dotnet build</c> shows them at its default verbosity, where the server's agent reads them, and fills GitHub's
/// step summary.
/// </summary>
public sealed class BuildServerTests
{
    [Fact]
    public void Command_PrintsTheWrittenFiles_ThenTheServiceMessages()
    {
        using var temp = new TemporaryDirectory();
        var descriptions = Path.Combine(temp.Path, "data", "desc.csv");
        var prompts = Path.Combine(temp.Path, "data", "prompts.jsonl");
        ReportProject.WriteData(temp.Path, descriptions, prompts);
        var outDirectory = Path.Combine(temp.Path, "out");

        var run = CommandRun.WithEnvironment(name => name is "TF_BUILD" or "TEAMCITY_VERSION" ? "1" : null,
            "build", "--descriptions", descriptions, "--prompts", prompts, "--out", outDirectory, "--name", "demo", "--no-render");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] files = ["aggregate.csv", "summary.json", "summary.md", "features.csv", "tokens.csv"];
        Assert.Equal(files.Select(f => Path.Combine(outDirectory, f)), lines.Take(files.Length));
        Assert.Equal("##vso[task.uploadsummary]" + Path.Combine(outDirectory, "summary.md"), lines[files.Length]);
        Assert.Equal(
            ["features", "featuresWithPrompts", "prompts", "categories", "warnings"],
            lines.Skip(files.Length + 1).Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^##teamcity\[buildStatisticValue key='activationReports\.demo\.(\w+)' value='\d+'\]$").Groups[1].Value));
    }

    [Fact]
    public void Build_OnTeamCityAndGitHub_ShowsTheStatistics_AndFillsTheStepSummary()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(Path.Combine(temp.Path, "project"), title: "On a build server", render: false);
        var stepSummary = Path.Combine(temp.Path, "step_summary.md");
        var log = Path.Combine(temp.Path, "build.log");

        // The console at its default (minimal) verbosity, as a server's agent reads it; a normal file log for the report's line.
        var build = DotnetCli.BuildWith(
            new Dictionary<string, string> { ["TEAMCITY_VERSION"] = "2025.07", ["GITHUB_STEP_SUMMARY"] = stepSummary },
            project.Directory, project.ProjectFile, [.. TestEnvironment.BuiltToolProperties(), "-fl", $"-flp:Verbosity=normal;LogFile={log}"]);

        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (var stat in new[] { "features", "featuresWithPrompts", "prompts", "categories", "warnings" })
        {
            Assert.Contains($"##teamcity[buildStatisticValue key='activationReports.{ReportProject.ReportName}.{stat}' value='", build.Output, StringComparison.Ordinal);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(project.OutputDirectory, "summary.md")), File.ReadAllText(stepSummary));
        Assert.StartsWith("# On a build server\n", File.ReadAllText(stepSummary), StringComparison.Ordinal);
        // The service messages are not taken for written files.
        var reportLine = File.ReadLines(log).Single(l => l.Contains($"ActivationReport '{ReportProject.ReportName}' -> ", StringComparison.Ordinal));
        Assert.EndsWith(": wrote aggregate.csv, summary.json, summary.md, features.csv, tokens.csv", reportLine, StringComparison.Ordinal);
    }
}
