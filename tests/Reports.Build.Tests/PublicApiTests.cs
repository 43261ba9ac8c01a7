using Reports.Tests;

namespace Reports.Build.Tests;

/// <summary>The command's assembly (reports.dll) and its public API, held to its checked-in snapshot.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_command_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(Cli.CommandLine).Assembly, "tests/Reports.Build.Tests/PublicApi/Reports.Cli.txt");
}
