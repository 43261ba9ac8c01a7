using System.Text.Json;

namespace Reports.Build.Tests;

/// <summary>A report project built with the real <c>dotnet build</c>: its files, and its incrementality.</summary>
public sealed class ReportBuildTests
{
    private const string SkippedAsUpToDate = "Skipping target \"_GenerateActivationReport\" because all output files are up-to-date";
    private const string BuiltCompletely = "Building target \"_GenerateActivationReport\" completely.";

    [Fact]
    public void Build_WritesEveryFileThePipelineLists()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path, title: "Personal Feature Activation by Prompt Category");

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (var file in project.ExpectedOutputs(render: true))
        {
            Assert.True(File.Exists(file) && new FileInfo(file).Length > 0, $"{file} missing or empty after:\n{build}");
        }

        var aggregate = File.ReadAllLines(Path.Combine(project.OutputDirectory, "aggregate.csv"));
        Assert.Equal("feature_id,prompt_label,mean_activation,num_prompts", aggregate[0]);
        Assert.True(aggregate.Length > 19, "19 features over several labels give more than 19 rows");
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project.OutputDirectory, "summary.json")));
        Assert.Contains("Personal Feature Activation by Prompt Category", summary.RootElement.GetRawText(), StringComparison.Ordinal);

        // A report project makes reports, not a library: nothing lands in bin/.
        var bin = Path.Combine(project.Directory, "bin");
        Assert.Empty(Directory.Exists(bin) ? Directory.GetFiles(bin, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public void SecondBuild_IsSkipped_UntilThePromptsOrTheTitleChange()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path, title: "First title");
        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        var outputs = OutputSnapshot.Of(project.ExpectedOutputs());

        var second = project.Build("-v:d");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(SkippedAsUpToDate, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(BuiltCompletely, second.Output, StringComparison.Ordinal);
        outputs.AssertUnchanged();

        // The build finished before now, so "now" is later than every output it wrote.
        File.SetLastWriteTimeUtc(project.PromptsPath, DateTime.UtcNow);
        var afterTouch = project.Build("-v:d");

        Assert.True(afterTouch.ExitCode == 0, afterTouch.ToString());
        Assert.Contains(BuiltCompletely, afterTouch.Output, StringComparison.Ordinal);
        Assert.Contains($"Input file \"{project.PromptsPath}\" is newer than output file", afterTouch.Output, StringComparison.Ordinal);

        // A title a command line would need quoting for reaches the report as written (the response file has no quoting).
        const string secondTitle = "Alice's \"SAE\" features; second title (50% done) $HOME `date`";
        project.WriteProjectFile(ReportProject.ReportItem(secondTitle));
        var afterTitle = project.Build("-v:d");

        Assert.True(afterTitle.ExitCode == 0, afterTitle.ToString());
        Assert.Contains(BuiltCompletely, afterTitle.Output, StringComparison.Ordinal);
        Assert.Contains($"{ReportProject.ReportName}.rsp\" is newer than output file", afterTitle.Output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project.OutputDirectory, "summary.json")));
        Assert.Equal(secondTitle, summary.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void FeaturePageMetadata_ReachesTheReport_RebuildsWhenChanged_AndABadValueFailsTheBuild()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        project.WriteProjectFile(Item("""FeaturePages="2" TopPrompts="3" HeatmapOrder="clustered" """));

        var first = project.Build();

        Assert.True(first.ExitCode == 0, first.ToString());
        var text = PdfText(project);
        Assert.Equal(2, FeatureHeadings(text));
        Assert.Contains("#3 · ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("#4 · ", text, StringComparison.Ordinal);
        Assert.Contains("average-linkage (UPGMA)", text, StringComparison.Ordinal);

        project.WriteProjectFile(Item("""FeaturePages="all" """));
        var second = project.Build("-v:d");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"{ReportProject.ReportName}.rsp\" is newer than output file", second.Output, StringComparison.Ordinal);
        Assert.Equal(19, FeatureHeadings(PdfText(project)));

        var outputs = OutputSnapshot.Of(project.ExpectedOutputs());
        project.WriteProjectFile(Item("""TopPrompts="five" """));
        var bad = project.Build();

        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("error RPT050: ActivationReport 'personal-general': TopPrompts: expected a whole number of prompts, found 'five'", bad.Output, StringComparison.Ordinal);
        outputs.AssertUnchanged();

        project.WriteProjectFile(Item("""MaxLineLength="lots" """));
        var badSize = project.Build();

        Assert.NotEqual(0, badSize.ExitCode);
        Assert.Contains("error RPT050: ActivationReport 'personal-general': MaxLineLength: expected a size in bytes, or with K, M or G (KiB, MiB, GiB), e.g. 64M; found 'lots'", badSize.Output, StringComparison.Ordinal);

        // The demo's lines are a few KB: a 1 KiB limit reaches the command and stops it at the first line.
        project.WriteProjectFile(Item("""MaxLineLength="1K" """));
        var tooLong = project.Build();

        Assert.NotEqual(0, tooLong.ExitCode);
        Assert.Contains("personal_general_prompts.jsonl(1,", tooLong.Output, StringComparison.Ordinal);
        Assert.Contains("error RPT020: expected lines of at most 1 KiB", tooLong.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("RPT043", tooLong.Output, StringComparison.Ordinal);
        outputs.AssertUnchanged();

        // A size the targets accept but the command refuses (over 1G): wrong usage, no located error, so RPT043 says it.
        project.WriteProjectFile(Item("""MaxLineLength="2G" """));
        var refused = project.Build();

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"error RPT043: ActivationReport '{ReportProject.ReportName}' was not written: the reports command exited with code 2", refused.Output, StringComparison.Ordinal);
        outputs.AssertUnchanged();

        static string Item(string metadata) => $"""
                <ActivationReport Include="{ReportProject.ReportName}" Descriptions="data/personal_general_desc.csv"
                                  Prompts="data/personal_general_prompts.jsonl" {metadata}/>
            """;
    }

    [Fact]
    public void MissingMetadata_FailsNamingTheItemAndTheMetadata_AndGoodItemsStillBuild()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        project.WriteProjectFile("""
                <ActivationReport Include="no-prompts" Descriptions="data/personal_general_desc.csv" />
                <ActivationReport Include="good" Descriptions="data/personal_general_desc.csv"
                                  Prompts="data/personal_general_prompts.jsonl" OutputDirectory="good-out" Render="false" />
            """);

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"{project.ProjectFile} : error RPT040: ActivationReport 'no-prompts' has no Prompts metadata", build.Output, StringComparison.Ordinal);
        foreach (var name in Reports.Pipeline.ReportPipeline.OutputFileNames(render: false))
        {
            Assert.True(File.Exists(Path.Combine(project.Directory, "good-out", name)), $"good-out/{name} missing after:\n{build}");
        }

        Assert.False(Directory.Exists(project.OutputDirectory), "the item without prompts wrote a report");
        Assert.DoesNotContain("error MSB", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCommandAssembly_FailsWithItsPath()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        var missing = Path.Combine(temp.Path, "nowhere", "reports.dll");

        var build = DotnetCli.Build(project.Directory, project.ProjectFile, TestEnvironment.BuiltToolProperties(missing));

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains($"{project.ProjectFile} : error RPT042: The reports command was not found at '{missing}'", build.Output, StringComparison.Ordinal);
    }

    private static string PdfText(ReportProject project)
    {
        var pdf = Path.Combine(project.OutputDirectory, "report.pdf");
        var text = ProcessRunner.Run("pdftotext", ["-enc", "UTF-8", pdf, "-"], project.Directory, TimeSpan.FromMinutes(1));
        Assert.True(text.ExitCode == 0, text.ToString());
        return text.Output;
    }

    private static int FeatureHeadings(string text) =>
        text.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^Feature \d+$"));
}
