using System.Text;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>A line past MaxLineLength fails the run with RPT020, located where the limit is passed and saying how to raise it.</summary>
public sealed class LineLimitReportTests
{
    private const int Limit = 4096;

    [Fact]
    public void The_pipeline_reports_rpt020_with_how_to_raise_the_limit()
    {
        var files = WriteDataSet(out var lines);
        lines[1] = Padded(lines[1], Limit + 10);
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "long", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = TestData.NewTemporaryDirectory(), Render = false, MaxLineLength = Limit }, log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal(("RPT020", files.PromptsPath, 2L, ColumnOfByte(lines[1], Limit)), (error.Code, error.File, error.Line, error.Column));
        Assert.EndsWith("raise the limit with MaxLineLength on the ActivationReport item (--max-line-length)", error.Message, StringComparison.Ordinal);

        log = new CollectingLog();
        Assert.True(ReportPipeline.Run(new ReportRequest { Name = "long", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = TestData.NewTemporaryDirectory(), Render = false, MaxLineLength = Limit + 10 }, log).Succeeded,
            string.Join('\n', log.Diagnostics));
    }

    private static DataSetFiles WriteDataSet(out string[] promptLines)
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 12, PromptsPerFeature = 4, TokensPerPrompt = 4, Seed = 5 }, TestData.NewTemporaryDirectory());
        promptLines = File.ReadAllLines(files.PromptsPath, Encoding.UTF8);
        return files;
    }

    /// <summary>The record with an unknown field last, padded to exactly <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static string Padded(string line, int bytes)
    {
        var prefix = line[..^1] + ",\"padding\":\"";
        var fill = bytes - Encoding.UTF8.GetByteCount(prefix) - 2;
        Assert.True(fill > 0);
        return prefix + new string('p', fill) + "\"}";
    }

    /// <summary>The editor's column (UTF-16 code units, 1-based) of a byte offset, counted by .NET's own decoder.</summary>
    private static long ColumnOfByte(string line, int offset) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line), 0, offset).Length + 1;
}
