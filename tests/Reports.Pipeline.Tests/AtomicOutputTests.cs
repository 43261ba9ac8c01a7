using Reports.Analysis.Diagnostics;
using Reports.Pipeline.Diagnostics;

namespace Reports.Pipeline.Tests;

/// <summary>A run that cannot write one of its files leaves the previous report as it was, whichever file fails.</summary>
public sealed class AtomicOutputTests
{
    [Theory]
    [InlineData("report.pdf")]
    [InlineData("report.html")]
    [InlineData("heatmap.png")]
    [InlineData("summary.json")]
    [InlineData("summary.md")]
    [InlineData("features.csv")]
    public void An_output_that_cannot_be_written_fails_the_run_and_keeps_the_previous_files(string blocked)
    {
        var output = TestData.NewTemporaryDirectory();
        Assert.True(Run(output, "First title", new CollectingLog()).Succeeded);
        var previous = Directory.GetFiles(output).ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);

        // A directory where the output's temporary file goes: creating the file fails, as on a full or read-only disk.
        var obstacle = Path.Combine(output, $".{blocked}.tmp");
        Directory.CreateDirectory(obstacle);
        var log = new CollectingLog();
        var outcome = Run(output, "Second title", log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(PipelineDiagnosticCodes.OutputFailed, error.Code);
        Assert.Equal(previous.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(output).Order(StringComparer.Ordinal));
        Assert.All(previous, file => Assert.True(file.Value.AsSpan().SequenceEqual(File.ReadAllBytes(file.Key)), file.Key + " changed"));
        Assert.Equal([obstacle], Directory.GetFileSystemEntries(output, ".*"));
    }

    private static ReportOutcome Run(string output, string title, CollectingLog log) =>
        ReportPipeline.Run(new ReportRequest { Name = "demo", Title = title, DescriptionsPath = TestData.DemoDescriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output }, log);
}
