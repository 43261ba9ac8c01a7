using Reports.Cli;
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
        foreach (var option in new[] { "--descriptions", "--prompts", "--out", "--name", "--title", "--no-render", "--help",
            "--feature-pages", "--feature-pages-by", "--top-prompts", "--heatmap-order", "--no-input-hashes", "--version",
            "--heatmap-features", "--include-features", "--max-line-length" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_ExitsZero_AndPrintsTheVersion()
    {
        var run = CommandRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^reports \d+\.\d+\.\d+", run.Output.Trim());
    }

    [Fact]
    public void WithoutTitleOrName_TheReportIsTitledAfterWhatItRead_NotItsFolder()
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, prompts, outDirectory) = DemoInputs(temp);

        var run = CommandRun.Build(descriptions, prompts, outDirectory);

        Assert.Equal(0, run.ExitCode);
        var text = ProcessRunner.Run("pdftotext", ["-enc", "UTF-8", "-l", "1", Path.Combine(outDirectory, "report.pdf"), "-"], temp.Path, TimeSpan.FromMinutes(1));
        Assert.Contains("Activation report: desc", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nout\n", text.Output, StringComparison.Ordinal);
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
        var (descriptions, prompts, outDirectory) = DemoInputs(temp);

        var run = CommandRun.Build(descriptions, prompts, outDirectory, "--title", "From the command");

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = ReportPipeline.OutputFileNames(render: true).Select(name => Path.Combine(outDirectory, name)).ToArray();
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.All(expected, file => Assert.True(new FileInfo(file).Length > 0, $"{file} is empty"));
        Assert.Contains("From the command", File.ReadAllText(Path.Combine(outDirectory, "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void ResponseFile_GivesOneArgumentPerLine_AsWritten()
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, prompts, outDirectory) = DemoInputs(temp);
        const string title = "Alice's \"SAE\" features; with  two spaces";
        var responseFile = Path.Combine(temp.Path, "report.rsp");
        File.WriteAllLines(responseFile, ["--descriptions", descriptions, "--prompts", prompts, "", "--title", title, "--no-render"]);

        var run = CommandRun.Of("build", $"@{responseFile}", "--out", outDirectory);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDirectory, "summary.json")));
        Assert.Equal(title, summary.RootElement.GetProperty("title").GetString());
        Assert.False(File.Exists(Path.Combine(outDirectory, "report.pdf")), "--no-render from the response file was not applied");

        var missing = CommandRun.Of("build", $"@{Path.Combine(temp.Path, "none.rsp")}");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read the response file", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryStatesTheInputsSha256_UnlessTheyAreNotHashed()
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, prompts, outDirectory) = DemoInputs(temp);

        var hashed = CommandRun.Build(descriptions, prompts, outDirectory, "--no-render");
        Assert.True(hashed.ExitCode == 0, hashed.ToString());
        var aggregate = File.ReadAllBytes(Path.Combine(outDirectory, "aggregate.csv"));
        Assert.Equal(
            [("descriptions", Sha256Of(descriptions), new FileInfo(descriptions).Length), ("prompts", Sha256Of(prompts), new FileInfo(prompts).Length)],
            Inputs(outDirectory));

        var unhashed = CommandRun.Build(descriptions, prompts, outDirectory, "--no-render", "--no-input-hashes");
        Assert.True(unhashed.ExitCode == 0, unhashed.ToString());
        Assert.Equal([("descriptions", null, new FileInfo(descriptions).Length), ("prompts", null, new FileInfo(prompts).Length)], Inputs(outDirectory));
        Assert.Equal(aggregate, File.ReadAllBytes(Path.Combine(outDirectory, "aggregate.csv")));

        static string Sha256Of(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

        static (string Role, string? Sha256, long Bytes)[] Inputs(string outDirectory)
        {
            using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDirectory, "summary.json")));
            return [.. summary.RootElement.GetProperty("inputs").EnumerateArray()
                .Select(i => (i.GetProperty("role").GetString()!, i.GetProperty("sha256").GetString(), i.GetProperty("bytes").GetInt64()))];
        }
    }

    [Fact]
    public void TopPromptsThatIsNotANumber_IsAUsageError()
    {
        using var temp = new TemporaryDirectory();

        var run = CommandRun.Build(Path.Combine(temp.Path, "d.csv"), Path.Combine(temp.Path, "p.jsonl"), Path.Combine(temp.Path, "out"), "--top-prompts", "many");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--top-prompts needs a whole number, not 'many'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2G")]
    [InlineData("0")]
    [InlineData("lots")]
    public void ALineLimitThatIsNotASizeUpTo1G_IsAUsageError(string size)
    {
        using var temp = new TemporaryDirectory();

        var run = CommandRun.Build(Path.Combine(temp.Path, "d.csv"), Path.Combine(temp.Path, "p.jsonl"), Path.Combine(temp.Path, "out"), "--max-line-length", size);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--max-line-length needs a size in bytes, or with K, M or G (KiB, MiB, GiB), e.g. 64M, from 1 byte to 1G, not '{size}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeatureIdInNeitherFile_FailsWithRPT050_AndWritesNothing()
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, prompts, outDirectory) = DemoInputs(temp);

        var run = CommandRun.Build(descriptions, prompts, outDirectory, "--feature-pages", "424242424;");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error RPT050: FeaturePages: feature 424242424 is in neither input file", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDirectory) && Directory.EnumerateFileSystemEntries(outDirectory).Any(), "a failed run wrote output");
    }

    [Fact]
    public void AnInputChangedWhileTheReportIsBuilt_FailsWithRPT021_AndExitsOne()
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, prompts, outDirectory) = DemoInputs(temp);
        // Once the command says it has read the inputs, every description grows: the rows read back are no longer there.
        using var error = new ChangingWriter(": read ", () => File.WriteAllText(descriptions, File.ReadAllText(descriptions).Replace(",\"", ",\"Rewritten: ", StringComparison.Ordinal)));
        using var output = new StringWriter();

        var exitCode = CommandLine.Run(["build", "--descriptions", descriptions, "--prompts", prompts, "--out", outDirectory, "--verbose"], output, error);

        Assert.True(error.Changed, error.ToString());
        Assert.True(exitCode == 1, $"exit code {exitCode}\n{error}");
        Assert.Contains($"{descriptions}(", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("): error RPT021: " + descriptions + " changed while the report was built", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("RPT030", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDirectory) && Directory.EnumerateFileSystemEntries(outDirectory).Any(), "a failed run wrote output");
    }

    /// <summary>The demo data written under a temporary folder, and an output folder beside it.</summary>
    private static (string Descriptions, string Prompts, string OutDirectory) DemoInputs(TemporaryDirectory temp)
    {
        var descriptions = Path.Combine(temp.Path, "data", "desc.csv");
        var prompts = Path.Combine(temp.Path, "data", "prompts.jsonl");
        ReportProject.WriteData(temp.Path, descriptions, prompts);
        return (descriptions, prompts, Path.Combine(temp.Path, "out"));
    }

    /// <summary>Standard error that runs <paramref name="change"/> once, when the command first writes a line holding <paramref name="marker"/>.</summary>
    private sealed class ChangingWriter(string marker, Action change) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public bool Changed { get; private set; }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (!Changed && value is not null && value.Contains(marker, StringComparison.Ordinal))
            {
                change();
                Changed = true;
            }
        }
    }
}
