using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>A run passes the reading threads' progress to its log with the prompts file's length, up to the whole file.</summary>
public sealed class ReadProgressLogTests
{
    [Fact]
    public void A_run_logs_its_reading_progress_up_to_the_whole_file()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 400, PromptsPerFeature = 60, TokensPerPrompt = 24, Seed = 24 }, TestData.NewTemporaryDirectory());
        var log = new CollectingLog();

        var outcome = ReportPipeline.Run(new ReportRequest
        {
            Name = "progress",
            DescriptionsPath = files.DescriptionsPath,
            PromptsPath = files.PromptsPath,
            OutputDirectory = TestData.NewTemporaryDirectory(),
            Render = false,
        }, log);

        Assert.True(outcome.Succeeded);
        var length = new FileInfo(files.PromptsPath).Length;
        var reports = log.ReadProgress.ToArray();
        Assert.True(reports.Length > 1, $"{reports.Length} progress reports for {length} bytes");
        Assert.All(reports, r => Assert.Equal(length, r.Total));
        Assert.Equal(length, reports.Max(r => r.Read));
    }
}
