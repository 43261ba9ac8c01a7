using Reports.Analysis.Diagnostics;
using Reports.Pipeline.Diagnostics;

namespace Reports.Pipeline.Tests;

/// <summary>
/// An input changed after the analysis read it, while its rows and records are read back for the document and the
/// outputs, is the input's error (RPT021, naming the file): never a crash, never a failed write (RPT030), and the
/// earlier report in the output directory stays as it was, with no temporary file left beside it.
/// </summary>
public sealed class InputChangedReportTests
{
    [Theory]
    [InlineData(false)] // read back while features.csv and the other data files are written
    [InlineData(true)] // read back while the document is built
    public void A_descriptions_file_changed_after_the_analysis_is_RPT021_naming_it_and_the_earlier_report_stays(bool render)
    {
        var (descriptions, prompts, output) = Inputs();
        var request = new ReportRequest { Name = "changed", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, Render = render };
        var earlier = EarlierReport(request);
        // A description grows: every row after it moves.
        var log = new ChangingLog(() => File.WriteAllText(descriptions, File.ReadAllText(descriptions).Replace("Chat model: activates", "Chat model (rewritten while the report was built): activates", StringComparison.Ordinal)));

        var outcome = ReportPipeline.Run(request, log);

        Assert.True(log.Changed);
        Assert.False(outcome.Succeeded);
        var error = AssertInputChanged(log, descriptions);
        Assert.True(error.Line > 1, $"expected the line of the row read back, found {error.Line}");
        Assert.Matches(@"the row of feature \d+ (is no longer at|at) line \d+", error.Message);
        AssertUntouched(output, earlier);
    }

    [Fact]
    public void A_prompts_file_changed_so_a_pages_record_is_another_features_is_RPT021_naming_it_and_the_earlier_report_stays()
    {
        var (descriptions, prompts, output) = Inputs();
        var request = new ReportRequest { Name = "changed", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, FeaturePages = "575" };
        var earlier = EarlierReport(request);
        // Feature 575's record, the first line, now says it is feature 576's: the same bytes in the same place.
        var log = new ChangingLog(() => ChangeFirstLine(prompts, "{\"feature_id\":575,", "{\"feature_id\":576,"));

        var outcome = ReportPipeline.Run(request, log);

        Assert.True(log.Changed);
        Assert.False(outcome.Succeeded);
        var error = AssertInputChanged(log, prompts);
        Assert.Equal(1, error.Line);
        Assert.Contains("the record of feature 575 at line 1 is no longer where it was read", error.Message, StringComparison.Ordinal);
        AssertUntouched(output, earlier);
    }

    [Fact]
    public void A_pages_record_that_no_longer_reads_is_a_located_error_and_the_earlier_report_stays()
    {
        var (descriptions, prompts, output) = Inputs();
        var request = new ReportRequest { Name = "changed", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, FeaturePages = "575" };
        var earlier = EarlierReport(request);
        // In place, a number becomes text: the record is where it was, but no longer valid.
        var log = new ChangingLog(() => ChangeFirstLine(prompts, "\"prompt_feature_activation\":15.2361", "\"prompt_feature_activation\":\"15.23\""));

        var outcome = ReportPipeline.Run(request, log);

        Assert.True(log.Changed);
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCodes.TypeMismatch, prompts, 1L), (error.Code, error.File, error.Line));
        Assert.True(error.Column > 1, $"expected the column of the value, found {error.Column}");
        AssertUntouched(output, earlier);
    }

    /// <summary>Copies of the demo inputs, which the tests change, and an output directory.</summary>
    private static (string Descriptions, string Prompts, string Output) Inputs()
    {
        var directory = TestData.NewTemporaryDirectory();
        var descriptions = Path.Combine(directory, "desc.csv");
        var prompts = Path.Combine(directory, "prompts.jsonl");
        File.Copy(TestData.DemoDescriptions, descriptions);
        File.Copy(TestData.DemoPrompts, prompts);
        return (descriptions, prompts, Path.Combine(directory, "out"));
    }

    /// <summary>A good report of the unchanged inputs in the output directory: each file's name and bytes.</summary>
    private static Dictionary<string, byte[]> EarlierReport(ReportRequest request)
    {
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(request, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return Directory.GetFiles(request.OutputDirectory).ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);
    }

    private static void ChangeFirstLine(string path, string before, string after)
    {
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(before), System.Text.Encoding.UTF8.GetByteCount(after));
        var text = File.ReadAllText(path);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = text[..end];
        Assert.Contains(before, first, StringComparison.Ordinal);
        File.WriteAllText(path, first.Replace(before, after, StringComparison.Ordinal) + text[end..]);
    }

    /// <summary>The one error: RPT021 at the file, with the fix; and no error about the output directory.</summary>
    private static ReportDiagnostic AssertInputChanged(ChangingLog log, string path)
    {
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticSeverity.Error, DiagnosticCodes.InputChanged, path), (error.Severity, error.Code, error.File));
        Assert.StartsWith(path + " changed while the report was built: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; build the report again once the file is no longer being written", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Diagnostics, d => d.Code == PipelineDiagnosticCodes.OutputFailed);
        return error;
    }

    private static void AssertUntouched(string output, Dictionary<string, byte[]> earlier)
    {
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
        Assert.Equal(earlier.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(output).Order(StringComparer.Ordinal));
        Assert.All(earlier, file => Assert.True(file.Value.AsSpan().SequenceEqual(File.ReadAllBytes(file.Key)), $"{file.Key} changed"));
    }
}
