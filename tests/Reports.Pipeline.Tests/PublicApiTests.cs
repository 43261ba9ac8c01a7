namespace Reports.Pipeline.Tests;

/// <summary>The public API of Reports.Pipeline, held to its checked-in snapshot.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_pipeline_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(ReportPipeline).Assembly, "tests/Reports.Pipeline.Tests/PublicApi/Reports.Pipeline.txt");
}
