using Reports.Tests;

namespace Reports.Build.Tests;

/// <summary>The command's assembly (reports.dll) and the report task's, each with its public API held to its checked-in snapshot.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_command_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(Cli.CommandLine).Assembly, "tests/Reports.Build.Tests/PublicApi/Reports.Cli.txt");

    /// <summary>The task's parameters are what the targets (and a project calling the task itself) bind to.</summary>
    [Fact]
    public void The_task_public_API_is_the_checked_in_one() =>
        PublicApiSnapshot.Verify(typeof(Tasks.GenerateActivationReport).Assembly, "tests/Reports.Build.Tests/PublicApi/Reports.Build.Tasks.txt");
}
