using System.Text;
using Reports.DataGen;
using Reports.Tests;

namespace Reports.Pipeline.Tests;

/// <summary>A line past MaxLineLength fails the run with RPT020, located where the limit is passed and saying how to raise it.</summary>
public sealed class LineLimitReportTests
{
    private const int Limit = 4096;

    [Fact]
    public void The_pipeline_reports_rpt020_with_how_to_raise_the_limit()
    {
        var files = LongLines.WriteDataSet(out var lines);
        lines[1] = LongLines.Padded(lines[1], Limit + 10);
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "long", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = TestData.NewTemporaryDirectory(), Render = false, MaxLineLength = Limit }, log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal(("RPT020", files.PromptsPath, 2L, LongLines.ColumnOfByte(lines[1], Limit)), (error.Code, error.File, error.Line, error.Column));
        Assert.EndsWith("raise the limit with MaxLineLength on the ActivationReport item (--max-line-length)", error.Message, StringComparison.Ordinal);

        log = new CollectingLog();
        Assert.True(ReportPipeline.Run(new ReportRequest { Name = "long", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = TestData.NewTemporaryDirectory(), Render = false, MaxLineLength = Limit + 10 }, log).Succeeded,
            string.Join('\n', log.Diagnostics));
    }
}
