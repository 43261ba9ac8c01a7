using Reports.Analysis.Reading;

namespace Reports.Pipeline.Tests;

/// <summary>
/// Lone surrogates (<c>"\uD800"</c>) in the prompts: the report is written with U+FFFD in their places and one warning
/// that counts them and names the first place. How the readers read them is Reports.Analysis.Tests' LoneSurrogateTests.
/// </summary>
public sealed class LoneSurrogateReportTests
{
    [Fact]
    public void Lone_surrogates_give_one_warning_and_replacement_characters_in_the_report()
    {
        var files = LoneSurrogates.WriteDataSet();
        var serial = ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath);

        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "surrogates", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = output }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        var warning = Assert.Single(log.Diagnostics, d => d.Code == "RPT108");
        Assert.Equal((files.PromptsPath, 1L), (warning.File, warning.Line));
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{serial.ReplacedSurrogates.Count:N0} string(s)"), warning.Message, StringComparison.Ordinal);
        Assert.Contains("\uFFFD", PdfTools.Text(Path.Combine(output, "report.pdf")), StringComparison.Ordinal);
    }
}
