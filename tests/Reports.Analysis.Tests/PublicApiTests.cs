namespace Reports.Analysis.Tests;

/// <summary>The public API of Reports.Analysis, held to its checked-in snapshot.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_analysis_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(Reading.ActivationAnalyzer).Assembly, "tests/Reports.Analysis.Tests/PublicApi/Reports.Analysis.txt");
}
