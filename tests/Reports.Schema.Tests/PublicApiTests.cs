using Reports.Tests;

namespace Reports.Schema.Tests;

/// <summary>
/// The generator assembly's own public API, held to its checked-in snapshot. The readers' runtime it emits is compiled
/// into each consumer and is part of that consumer's snapshot (Reports.Analysis's).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(SchemaGenerator).Assembly, "tests/Reports.Schema.Tests/PublicApi/Reports.Schema.txt");
}
