
namespace Reports.Pipeline.Tests;

/// <summary>What the command says about an input path that is not a file.</summary>
public sealed class InputPathTests
{
    [Fact]
    public void A_directory_given_as_an_input_is_called_a_directory()
    {
        var directory = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "dir", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = directory, OutputDirectory = TestData.NewTemporaryDirectory() }, log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal(("RPT001", directory), (error.Code, error.File));
        Assert.Contains("found a directory", error.Message, StringComparison.Ordinal);
    }
}
