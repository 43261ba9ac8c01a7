using System.Globalization;
using System.IO.Compression;
using System.Text;
using Reports.Analysis.Diagnostics;

namespace Reports.Pipeline.Tests;

/// <summary>
/// The history (docs/history.md) on the real pipeline: builds of A, A and B (HistoryFixtures) into one history; what
/// the comparison must say is worked out from the fixtures' activations, then read in summary.md, report.html and the
/// PDF's text (pdftotext).
/// </summary>
public sealed class HistoryReportTests
{
    private static readonly DateTimeOffset Date = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void A_A_B_keeps_two_snapshots_and_lists_the_dropped_added_and_moved_features()
    {
        var root = TestData.NewTemporaryDirectory();
        var history = Path.Combine(root, "history");
        var (firstOutput, _) = Build(root, HistoryFixtures.A, history, "a1");
        // The first build has nothing to compare with, and one point draws no trend chart.
        var firstHtml = File.ReadAllText(Path.Combine(firstOutput, "report.html"));
        var firstSection = firstHtml[firstHtml.IndexOf("<h2 id=\"changes\">", StringComparison.Ordinal)..];
        firstSection = firstSection[..firstSection.IndexOf("<h2 ", 5, StringComparison.Ordinal)];
        Assert.Contains("This is the first build in the history", firstSection, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", firstSection, StringComparison.Ordinal);

        Build(root, HistoryFixtures.A, history, "a2");
        var (output, log) = Build(root, HistoryFixtures.B, history, "b");

        Assert.Equal(["000001-a1.jsonl.gz", "000002-b.jsonl.gz"], Snapshots(history));
        Assert.DoesNotContain(log.Diagnostics, d => d.Code.StartsWith("RPT06", StringComparison.Ordinal) || d.Code.StartsWith("RPT11", StringComparison.Ordinal));

        // Feature 20 moved from math to code: its shift is the largest change of a category's mean, here in code.
        var (shift, category) = HistoryFixtures.Shift(20);
        Assert.Equal("code", category);
        var before = HistoryFixtures.Mean(HistoryFixtures.A, 20, category);
        var after = HistoryFixtures.Mean(HistoryFixtures.B, 20, category);
        var shiftCells = new[] { "20", F(shift), category, F(before), F(after), "math", "code" };
        // Feature 40 and 30 are most specific to medical: their mean there is far above their other category's, and
        // with one prompt on the other side no Cohen's d is defined.
        var addedCells = new[] { "40", "3", "medical" };
        var removedCells = new[] { "30", "3", "medical" };

        var summary = File.ReadAllLines(Path.Combine(output, "summary.md"));
        var changes = summary.SkipWhile(l => l != "## Changes since the previous build").TakeWhile(l => l != "## Inputs").ToList();
        Assert.StartsWith(@"Compared with snapshot \#1 (a1), 2023-11-14, the newest in the history with other data", changes[2], StringComparison.Ordinal);
        Assert.Contains("1 feature(s) added, 1 removed, 1 with a different category profile (1 now most specific to another category), 0 description(s) changed, 0 new warning(s).", changes[2], StringComparison.Ordinal);
        Assert.Equal([Row(addedCells)], TableRows(changes, "### Features added"));
        Assert.Equal([Row(removedCells)], TableRows(changes, "### Features removed"));
        Assert.Equal([Row(shiftCells)], TableRows(changes, "### Category profiles that moved most"));
        Assert.Equal([Row(shiftCells)], TableRows(changes, "### Most specific category changed"));
        Assert.Empty(TableRows(changes, "### Descriptions that changed"));
        Assert.Equal([Row(["\\#1 a1", .. Headline(HistoryFixtures.A)]), Row(["\\#2 b (this build)", .. Headline(HistoryFixtures.B)])], TableRows(changes, "### Trend"));
        // The trend drawn on the job page too: a Mermaid chart a series, its points the builds, its values the table's.
        var chart = string.Join("\n", changes.SkipWhile(l => l != "title \"Features per build\"" && !l.EndsWith("title \"Features per build\"", StringComparison.Ordinal)).Take(3));
        Assert.Contains("```mermaid", string.Join("\n", changes), StringComparison.Ordinal);
        Assert.Contains($"x-axis [\"#1 a1\", \"#2 b (this build)\"]\n    line [{HistoryFixtures.A.Count}, {HistoryFixtures.B.Count}]", chart, StringComparison.Ordinal);

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var section = html[html.IndexOf("<h2 id=\"changes\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("<h2 ", 5, StringComparison.Ordinal)];
        Assert.Contains(HtmlRow(shiftCells, numeric: [0, 1, 3, 4]), section, StringComparison.Ordinal);
        Assert.Contains(HtmlRow(addedCells, numeric: [0, 1]), section, StringComparison.Ordinal);
        Assert.Contains(HtmlRow(removedCells, numeric: [0, 1]), section, StringComparison.Ordinal);
        Assert.Contains("<svg", section, StringComparison.Ordinal); // the trend chart: two points

        // In the PDF, the section right after the cover (page 1: the cover and its contents).
        var pdfPath = Path.Combine(output, "report.pdf");
        Assert.DoesNotContain("Compared with", PdfTools.Text(pdfPath, page: 1, raw: true), StringComparison.Ordinal);
        Assert.Contains("Changes since the previous build Compared with snapshot #1 (a1)", PdfTools.Normalize(PdfTools.Text(pdfPath, page: 2, raw: true)), StringComparison.Ordinal);
        var pdf = PdfTools.Normalize(PdfTools.Text(Path.Combine(output, "report.pdf"), raw: true));
        var pdfChanges = pdf[pdf.IndexOf("Changes since the previous build Compared with", StringComparison.Ordinal)..];
        Assert.Contains(string.Join(' ', shiftCells), pdfChanges, StringComparison.Ordinal);
        Assert.Contains("Features added 1 feature(s) in this build and not in the previous one. Feature Prompts Most specific category " + string.Join(' ', addedCells), pdfChanges, StringComparison.Ordinal);
        Assert.Contains("Features removed 1 feature(s) in the previous build and not in this one. Feature Prompts before Most specific before " + string.Join(' ', removedCells), pdfChanges, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryMax_one_keeps_one_snapshot()
    {
        var root = TestData.NewTemporaryDirectory();
        var history = Path.Combine(root, "history");
        Build(root, HistoryFixtures.A, history, "a1", max: 1);
        Build(root, HistoryFixtures.A, history, "a2", max: 1);
        var (output, _) = Build(root, HistoryFixtures.B, history, "b", max: 1);

        Assert.Equal(["000002-b.jsonl.gz"], Snapshots(history));
        // The comparison was made before the oldest went: B still lists what changed since A.
        var summary = File.ReadAllLines(Path.Combine(output, "summary.md"));
        Assert.Equal([Row(["40", "3", "medical"])], TableRows(summary, "### Features added"));
    }

    [Theory]
    [InlineData("not gzip at all", false)]
    [InlineData("cut short", false)]
    [InlineData("newer version", true)]
    public void A_snapshot_that_cannot_be_read_is_skipped_with_a_warning(string damage, bool newer)
    {
        var root = TestData.NewTemporaryDirectory();
        var history = Path.Combine(root, "history");
        Build(root, HistoryFixtures.A, history, "a");
        var snapshot = Path.Combine(history, "000001-a.jsonl.gz");
        switch (damage)
        {
            case "not gzip at all":
                File.WriteAllText(snapshot, "this is not a snapshot");
                break;
            case "cut short":
                var bytes = File.ReadAllBytes(snapshot);
                File.WriteAllBytes(snapshot, bytes[..(bytes.Length * 2 / 3)]);
                break;
            default:
                using (var gzip = new GZipStream(File.Create(snapshot), CompressionLevel.Optimal))
                {
                    gzip.Write(Encoding.UTF8.GetBytes("{\"format\":\"activation-report-history\",\"version\":99,\"tool\":\"9.0.0\"}\n"));
                }

                break;
        }

        var (output, log) = Build(root, HistoryFixtures.B, history, "b");

        var warning = Assert.Single(log.Diagnostics, d => d.Code is "RPT110" or "RPT111");
        Assert.Equal(newer ? "RPT111" : "RPT110", warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(snapshot, warning.File);
        Assert.Contains("000001-a.jsonl.gz", warning.Message, StringComparison.Ordinal);
        // The build goes on: its report is written and its snapshot added after the skipped one.
        Assert.True(File.Exists(Path.Combine(output, "report.pdf")));
        Assert.Equal(["000001-a.jsonl.gz", "000002-b.jsonl.gz"], Snapshots(history));
    }

    [Fact]
    public void A_history_directory_that_cannot_be_made_is_a_warning_and_the_report_is_written()
    {
        var root = TestData.NewTemporaryDirectory();
        // A file where the history's directory should be.
        var history = Path.Combine(root, "history");
        File.WriteAllText(history, "not a directory");

        var (output, log) = Build(root, HistoryFixtures.A, history, "a");

        var warning = Assert.Single(log.Diagnostics, d => d.Code == "RPT112");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.True(File.Exists(Path.Combine(output, "report.pdf")));
        Assert.Equal("not a directory", File.ReadAllText(history));
    }

    [Fact]
    public void A_character_no_font_has_in_the_changes_is_RPT107_there()
    {
        var root = TestData.NewTemporaryDirectory();
        var history = Path.Combine(root, "history");
        // The label is printed only in the changes: the summary names the snapshot compared with, the trend its builds.
        Build(root, HistoryFixtures.A, history, "a\uE000");
        var (_, log) = Build(root, HistoryFixtures.B, history, "b");

        var warning = Assert.Single(log.Diagnostics, d => d.Code == "RPT107");
        Assert.Contains("U+E000 (private use)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("the changes since the previous build", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_inputs_and_history_give_the_same_bytes()
    {
        var first = TestData.NewTemporaryDirectory();
        var second = TestData.NewTemporaryDirectory();
        foreach (var root in new[] { first, second })
        {
            Build(root, HistoryFixtures.A, Path.Combine(root, "history"), "a");
            Build(root, HistoryFixtures.B, Path.Combine(root, "history"), "b");
        }

        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine("history", "000002-b.jsonl.gz"), files);
        Assert.Contains(Path.Combine("out", "report.pdf"), files);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file + " differs");
        }

        // gzip's own header: no file name (flags 0) and a zero time, so no clock reaches the snapshot.
        var header = File.ReadAllBytes(Path.Combine(first, "history", "000002-b.jsonl.gz"))[..8];
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0 }, header);
    }

    [Theory]
    [InlineData("removed>0", "RPT060", "feature 30")]
    [InlineData("added>=1", "RPT061", "feature 40")]
    [InlineData("profile-shift>2.0", "RPT062", "feature 20 (code 1.000 -> 7.500, shift 6.500)")]
    [InlineData("category-changed>0", "RPT063", "feature 20 (math -> code)")]
    public void A_broken_FailOn_rule_is_an_error_naming_the_feature_and_the_history_is_still_recorded(string rule, string code, string named)
    {
        var root = TestData.NewTemporaryDirectory();
        var history = Path.Combine(root, "history");
        Build(root, HistoryFixtures.A, history, "a", failOn: rule);
        var (_, log) = Build(root, HistoryFixtures.B, history, "b", failOn: rule);

        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains($"FailOn rule '{rule}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["000001-a.jsonl.gz", "000002-b.jsonl.gz"], Snapshots(history));

        // Warn mode: the same message as a warning, the build a success.
        var again = TestData.NewTemporaryDirectory();
        Build(again, HistoryFixtures.A, Path.Combine(again, "history"), "a", failOn: rule, mode: "warn");
        var (_, warned) = Build(again, HistoryFixtures.B, Path.Combine(again, "history"), "b", failOn: rule, mode: "warn");
        Assert.DoesNotContain(warned.Diagnostics, d => d.IsError);
        Assert.Equal(error.Message, Assert.Single(warned.Diagnostics, d => d.Code == code).Message);
    }

    [Fact]
    public void A_changed_description_and_a_new_warning_are_listed_and_break_their_rules()
    {
        var root = TestData.NewTemporaryDirectory();
        var history = Path.Combine(root, "history");
        Build(root, HistoryFixtures.A, history, "a");
        // B with feature 10's description rewritten and feature 40 without a row: one RPT101 more than A had.
        const string rewritten = "Feature 10 now fires on other things";
        var (output, log) = Build(root, HistoryFixtures.B, history, "b", failOn: "description-changed>0;new-warnings>0",
            description: id => id switch { 10 => rewritten, 40 => null, _ => HistoryFixtures.Description(id) });

        var summary = File.ReadAllLines(Path.Combine(output, "summary.md"));
        Assert.Equal([Row(["10", rewritten])], TableRows(summary, "### Descriptions that changed"));
        Assert.Equal([Row(["RPT101", "0", "1"])], TableRows(summary, "### Warnings"));
        var errors = log.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(["RPT064", "RPT065"], errors.Select(e => e.Code));
        Assert.Contains(": 1 feature(s) with another description: feature 10;", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains(": 1 warning(s) more than the previous build, counted per code: code RPT101 +1;", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_that_hold_fail_nothing_and_a_bad_rule_is_RPT050()
    {
        var root = TestData.NewTemporaryDirectory();
        var history = Path.Combine(root, "history");
        Build(root, HistoryFixtures.A, history, "a");
        var (output, log) = Build(root, HistoryFixtures.B, history, "b", failOn: "removed>1; profile-shift>7; description-changed>0; new-warnings>0");
        Assert.DoesNotContain(log.Diagnostics, d => d.IsError);
        Assert.Equal(4, TableRows(File.ReadAllLines(Path.Combine(output, "summary.md")), "### FailOn rules").Count(r => r.Contains("| holds |", StringComparison.Ordinal)));

        var bad = new CollectingLog();
        var outcome = ReportPipeline.Run(Request(root, history, "x", "removed=0", "error", ReportRequest.DefaultHistoryMax), bad);
        Assert.False(outcome.Succeeded);
        Assert.Equal("RPT050", Assert.Single(bad.Diagnostics).Code);
    }

    private static (string Output, CollectingLog Log) Build(string root, IReadOnlyDictionary<long, IReadOnlyDictionary<string, double[]>> data, string history, string label,
        int max = ReportRequest.DefaultHistoryMax, string failOn = "", string mode = "error", Func<long, string?>? description = null)
    {
        HistoryFixtures.Write(Path.Combine(root, "data"), data, description);
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(Request(root, history, label, failOn, mode, max), log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return (Path.Combine(root, "out"), log);
    }

    private static ReportRequest Request(string root, string history, string label, string failOn, string mode, int max) => new()
    {
        Name = "history",
        Title = "History",
        DescriptionsPath = Path.Combine(root, "data", "desc.csv"),
        PromptsPath = Path.Combine(root, "data", "prompts.jsonl"),
        OutputDirectory = Path.Combine(root, "out"),
        SourceDate = Date,
        HistoryDirectory = history,
        HistoryLabel = label,
        HistoryMax = max,
        FailOn = failOn,
        FailOnMode = mode,
    };

    private static List<string> Snapshots(string history) =>
        [.. Directory.GetFiles(history).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>Features, with prompts, described, prompts, categories, warnings: every feature of the fixtures has its row and its prompts, so no warning.</summary>
    private static string[] Headline(IReadOnlyDictionary<long, IReadOnlyDictionary<string, double[]>> data) =>
    [
        .. new[] { data.Count, data.Count, data.Count, data.Values.Sum(c => c.Values.Sum(v => v.Length)), data.Values.SelectMany(c => c.Keys).Distinct().Count(), 0 }
            .Select(n => n.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    /// <summary>A Markdown table's rows under a heading, less its header and rule.</summary>
    private static List<string> TableRows(IEnumerable<string> lines, string heading) =>
        [.. lines.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => !l.StartsWith('#')).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2)];

    private static string HtmlRow(string[] cells, int[] numeric) =>
        "<tr>" + string.Concat(cells.Select((c, i) => numeric.Contains(i) ? $"<td class=\"num\">{c}</td>" : $"<td dir=\"auto\">{c}</td>")) + "</tr>";
}
