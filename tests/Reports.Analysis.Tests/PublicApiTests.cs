using Reports.Tests;

namespace Reports.Analysis.Tests;

/// <summary>The public APIs of Reports.Analysis and Reports.Pipeline, held to their checked-in snapshots.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_analysis_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(Reading.ActivationAnalyzer).Assembly, "tests/Reports.Analysis.Tests/PublicApi/Reports.Analysis.txt");

    [Fact]
    public void The_pipeline_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(Pipeline.ReportPipeline).Assembly, "tests/Reports.Analysis.Tests/PublicApi/Reports.Pipeline.txt");
}
