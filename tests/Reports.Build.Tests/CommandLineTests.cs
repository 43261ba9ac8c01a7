using Reports.Pipeline;

namespace Reports.Build.Tests;

/// <summary>The <c>reports</c> command's usage, exit codes and files.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Help_ExitsZero_AndListsTheOptions()
    {
        var run = CommandRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--descriptions", "--prompts", "--out", "--name", "--title", "--no-render", "--help" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MissingPrompts_IsAUsageError()
    {
        using var temp = new TemporaryDirectory();

        var run = CommandRun.Of("build", "--descriptions", Path.Combine(temp.Path, "d.csv"), "--out", Path.Combine(temp.Path, "out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--prompts", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")), "a usage error wrote output");
    }

    [Fact]
    public void GoodRun_ExitsZero_AndWritesAndPrintsEveryFile()
    {
        using var temp = new TemporaryDirectory();
        var descriptions = Path.Combine(temp.Path, "data", "desc.csv");
        var prompts = Path.Combine(temp.Path, "data", "prompts.jsonl");
        ReportProject.WriteData(temp.Path, descriptions, prompts);
        var outDirectory = Path.Combine(temp.Path, "out");

        var run = CommandRun.Build(descriptions, prompts, outDirectory, "--title", "From the command");

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = ReportPipeline.OutputFileNames(render: true).Select(name => Path.Combine(outDirectory, name)).ToArray();
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.All(expected, file => Assert.True(new FileInfo(file).Length > 0, $"{file} is empty"));
        Assert.Contains("From the command", File.ReadAllText(Path.Combine(outDirectory, "summary.json")), StringComparison.Ordinal);
    }
}
