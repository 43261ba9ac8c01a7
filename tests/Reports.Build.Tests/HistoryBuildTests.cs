using Reports.Tests;

namespace Reports.Build.Tests;

/// <summary>
/// The history's item metadata through the real <c>dotnet build</c>: HistoryDirectory, HistoryLabel and FailOn reach
/// the command, a rule that B (HistoryFixtures) breaks fails the build with the RPT error naming the feature, again on
/// the next build, and FailOnMode="warn" turns it into a warning.
/// </summary>
public sealed class HistoryBuildTests
{
    [Fact]
    public void A_FailOn_rule_B_breaks_fails_the_build_naming_the_feature_and_warn_mode_passes()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        var data = Path.Combine(project.Directory, "data");
        var history = Path.Combine(project.Directory, "history");
        HistoryFixtures.Write(data, HistoryFixtures.A);
        project.WriteProjectFile(Item("""HistoryLabel="a" FailOn="removed>0" """));

        var first = project.Build();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["000001-a.jsonl.gz"], Snapshots(history));

        HistoryFixtures.Write(data, HistoryFixtures.B);
        project.WriteProjectFile(Item("""HistoryLabel="b" FailOn="removed>0" """));
        var broken = project.Build();

        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("error RPT060: FailOn rule 'removed>0' broken since the previous build (snapshot #1 (a)): 1 feature(s) removed: feature 30;", broken.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("RPT043", broken.Output, StringComparison.Ordinal);
        // The failing build's snapshot and report are kept: the report says what broke the rule.
        Assert.Equal(["000001-a.jsonl.gz", "000002-b.jsonl.gz"], Snapshots(history));
        Assert.Contains("| removed\\>0 | broken, RPT060 |", File.ReadAllText(Path.Combine(project.OutputDirectory, "summary.md")), StringComparison.Ordinal);

        // Nothing changed, yet the build is not "up to date": it fails again, comparing with the same previous data.
        var again = project.Build();

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("error RPT060: FailOn rule 'removed>0' broken since the previous build (snapshot #1 (a))", again.Output, StringComparison.Ordinal);
        Assert.Equal(["000001-a.jsonl.gz", "000002-b.jsonl.gz"], Snapshots(history));

        project.WriteProjectFile(Item("""HistoryLabel="b" FailOn="removed>0" FailOnMode="warn" """));
        var warned = project.Build();

        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Contains("warning RPT060: FailOn rule 'removed>0' broken since the previous build (snapshot #1 (a)): 1 feature(s) removed: feature 30;", warned.Output, StringComparison.Ordinal);
        Assert.Equal(["000001-a.jsonl.gz", "000002-b.jsonl.gz"], Snapshots(history));

        var upToDate = project.Build();
        Assert.True(upToDate.ExitCode == 0, upToDate.ToString());
    }

    [Fact]
    public void A_bad_HistoryMax_is_RPT050_naming_the_item()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        HistoryFixtures.Write(Path.Combine(project.Directory, "data"), HistoryFixtures.A);
        project.WriteProjectFile(Item("""HistoryMax="0" """));

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error RPT050: ActivationReport 'personal-general': HistoryMax: expected a whole number of snapshots, 1 or more, found '0'", build.Output, StringComparison.Ordinal);
    }

    private static string Item(string metadata) => $"""
            <ActivationReport Include="{ReportProject.ReportName}" Descriptions="data/desc.csv" Prompts="data/prompts.jsonl"
                              HistoryDirectory="history/" {metadata}/>
        """;

    private static List<string> Snapshots(string history) =>
        [.. Directory.GetFiles(history).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
}
