using System.Text;
using Reports.Pipeline.ContinuousIntegration;

namespace Reports.Pipeline.Tests;

/// <summary>
/// The build servers' share of a report, with the environment given as the input it is: GitHub's step summary file
/// filled and kept within 1 MiB, Azure DevOps' and TeamCity's service messages exactly, and nothing without the
/// variables.
/// </summary>
public sealed class JobSummariesTests
{
    private const int Limit = 1_048_576;

    [Fact]
    public void GitHub_step_summary_receives_the_summary()
    {
        var (summaryPath, markdown, outcome) = Report();
        var stepSummary = Path.Combine(TestData.NewTemporaryDirectory(), "step_summary.md");

        var publication = JobSummaries.Publish("demo", summaryPath, markdown, outcome.Analysis!, Environment(("GITHUB_STEP_SUMMARY", stepSummary)));

        Assert.Empty(publication.ServiceMessages);
        Assert.Empty(publication.Notes);
        Assert.Equal(File.ReadAllBytes(summaryPath), File.ReadAllBytes(stepSummary));
    }

    [Fact]
    public void A_second_report_is_appended_after_a_blank_line()
    {
        var (summaryPath, markdown, outcome) = Report();
        var stepSummary = Path.Combine(TestData.NewTemporaryDirectory(), "step_summary.md");
        File.WriteAllText(stepSummary, "Tests passed.\n");

        JobSummaries.Publish("demo", summaryPath, markdown, outcome.Analysis!, Environment(("GITHUB_STEP_SUMMARY", stepSummary)));

        Assert.Equal("Tests passed.\n\n" + markdown, File.ReadAllText(stepSummary));
    }

    [Fact]
    public void A_nearly_full_step_summary_gets_a_cut_summary_that_ends_with_the_notice()
    {
        var (summaryPath, _, outcome) = Report();
        // A summary of 3,000 lines (longer than any report's): 2 KiB left can hold only its first lines.
        var markdown = string.Concat(Enumerable.Range(0, 3000).Select(i => $"| line {i} | of a long summary |\n"));
        var stepSummary = Path.Combine(TestData.NewTemporaryDirectory(), "step_summary.md");
        var existing = Limit - 2048;
        File.WriteAllBytes(stepSummary, Encoding.UTF8.GetBytes(new string('x', existing - 1) + "\n"));

        var publication = JobSummaries.Publish("demo", summaryPath, markdown, outcome.Analysis!, Environment(("GITHUB_STEP_SUMMARY", stepSummary)));

        Assert.Empty(publication.Notes);
        var length = new FileInfo(stepSummary).Length;
        Assert.InRange(length, Limit - 200, Limit);
        var added = Encoding.UTF8.GetString(File.ReadAllBytes(stepSummary).AsSpan(existing));
        var lines = added.Split('\n');
        Assert.Equal("", lines[0]);
        Assert.Equal("| line 0 | of a long summary |", lines[1]);
        var kept = lines.Count(l => l.StartsWith("| line ", StringComparison.Ordinal));
        Assert.True(kept is > 10 and < 3000, $"{kept} lines kept");
        Assert.Equal("", lines[^3]);
        Assert.Equal($"_… {3000 - kept:N0} more lines of this summary were left out (GitHub's 1 MiB limit); the whole summary is {summaryPath.Replace("_", "\\_", StringComparison.Ordinal)}._", lines[^2]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void A_full_step_summary_is_left_as_it_is_and_the_note_says_so()
    {
        var (summaryPath, markdown, outcome) = Report();
        var stepSummary = Path.Combine(TestData.NewTemporaryDirectory(), "step_summary.md");
        File.WriteAllBytes(stepSummary, new byte[Limit - 10]);

        var publication = JobSummaries.Publish("demo", summaryPath, markdown, outcome.Analysis!, Environment(("GITHUB_STEP_SUMMARY", stepSummary)));

        Assert.Equal(Limit - 10, new FileInfo(stepSummary).Length);
        var note = Assert.Single(publication.Notes);
        Assert.Contains("GITHUB_STEP_SUMMARY", note, StringComparison.Ordinal);
        Assert.Contains(summaryPath, note, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_DevOps_and_TeamCity_get_their_service_messages()
    {
        var (summaryPath, markdown, outcome) = Report();
        var analysis = outcome.Analysis!;

        var publication = JobSummaries.Publish("it's [a|b]\nc", summaryPath, markdown, analysis, Environment(("TF_BUILD", "True"), ("TEAMCITY_VERSION", "2025.07")));

        var key = "activationReports.it|'s |[a||b|]|nc.";
        Assert.Equal(
            [
                "##vso[task.uploadsummary]" + summaryPath,
                $"##teamcity[buildStatisticValue key='{key}features' value='{analysis.Totals.Features}']",
                $"##teamcity[buildStatisticValue key='{key}featuresWithPrompts' value='{analysis.Features.Count(f => f.HasPrompts)}']",
                $"##teamcity[buildStatisticValue key='{key}prompts' value='{analysis.Totals.Prompts}']",
                $"##teamcity[buildStatisticValue key='{key}categories' value='{analysis.Totals.Labels}']",
                $"##teamcity[buildStatisticValue key='{key}warnings' value='{analysis.Warnings.Count}']",
            ],
            publication.ServiceMessages);
        Assert.Empty(publication.Notes);
    }

    [Fact]
    public void Without_the_variables_nothing_is_written_or_said()
    {
        var (summaryPath, markdown, outcome) = Report();
        var directory = Path.GetDirectoryName(summaryPath)!;
        var before = Directory.GetFileSystemEntries(Path.GetDirectoryName(directory)!, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var asked = new List<string>();

        var publication = JobSummaries.Publish("demo", summaryPath, markdown, outcome.Analysis!, name =>
        {
            asked.Add(name);
            return name == "TF_BUILD" ? "" : null;
        });

        Assert.Empty(publication.ServiceMessages);
        Assert.Empty(publication.Notes);
        Assert.Equal(["GITHUB_STEP_SUMMARY", "TF_BUILD", "TEAMCITY_VERSION"], asked);
        Assert.Equal(before, Directory.GetFileSystemEntries(Path.GetDirectoryName(directory)!, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    private static (string SummaryPath, string Markdown, ReportOutcome Outcome) Report()
    {
        var (output, outcome) = SummaryMarkdownTests.Run(TestData.DemoDescriptions, TestData.DemoPrompts, "Demo report", render: false);
        var path = Path.Combine(output, "summary.md");
        return (path, File.ReadAllText(path), outcome);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
