using Reports.Rendering.Report;
using Reports.Tests;

namespace Reports.Rendering.Tests;

public class PublicApiTests
{
    /// <summary>What Reports.Pipeline needs and no more; the layout engine, fonts and chart internals stay internal.</summary>
    [Fact]
    public void The_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(ReportDocument).Assembly, "tests/Reports.Rendering.Tests/PublicApi/Reports.Rendering.txt");
}
