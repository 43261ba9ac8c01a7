using System.Globalization;
using Reports.Pipeline.Features;
using Reports.Pipeline.History;
using Reports.Rendering.Charts;
using Reports.Rendering.Report;
using static Reports.Pipeline.CellText;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// "Changes since the previous build" from the history's comparison (<see cref="HistoryChanges"/>), for the PDF, the
/// HTML and summary.md alike: the same sentences and tables in each.
/// </summary>
internal static class ChangesSections
{
    /// <summary>How the profile shift is measured, as every document states it (docs/history.md).</summary>
    public const string ShiftMeasure = "Profile shift: the largest change of a feature's mean activation in any one category, max over categories of |mean now - mean before| (a category without prompts counting 0).";

    /// <summary>The section; null when the report keeps no history.</summary>
    public static ChangesSection? From(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Changes is not { } changes)
        {
            return null;
        }

        List<ChangesPart> parts = [];
        if (changes.Baseline is { } baseline)
        {
            parts.Add(Listed("Features added", changes.AddedCount, changes.Added, "in this build and not in the previous one", "Prompts", "Most specific category"));
            parts.Add(Listed("Features removed", changes.RemovedCount, changes.Removed, "in the previous build and not in this one", "Prompts before", "Most specific before"));
            parts.Add(Shifted(changes));
            parts.Add(CategoryChanged(changes));
            parts.Add(Descriptions(content, changes));
            parts.Add(Warnings(content, baseline, changes));
        }

        if (FailOnRules.TryParse(content.Request.FailOn, out var rules, out _) && rules.Count > 0)
        {
            parts.Add(Gates(content, rules, changes));
        }

        if (changes.Trend.Count > 0)
        {
            parts.Add(new ChangesPart("Trend", string.Create(CultureInfo.InvariantCulture,
                $"The headline numbers of the {changes.Trend.Count:N0} builds the history keeps (HistoryMax {content.Request.HistoryMax:N0}), oldest first; a build of the same data as the newest adds no snapshot."),
                new TableModel(
                    [new("Build", 2), new("Features", 1, IsNumeric: true), new("With prompts", 1, IsNumeric: true), new("Described", 1, IsNumeric: true),
                     new("Prompts", 1, IsNumeric: true), new("Categories", 1, IsNumeric: true), new("Warnings", 1, IsNumeric: true)],
                    [.. changes.Trend.Select(t => (IReadOnlyList<TableCell>)[t.Name, Integer(t.Numbers.Features), Integer(t.Numbers.WithPrompts), Integer(t.Numbers.Described),
                        Integer(t.Numbers.Prompts), Integer(t.Numbers.Categories), Integer(t.Numbers.Warnings)])])));
        }

        return new ChangesSection
        {
            Summary = Summary(changes),
            Parts = parts,
            Trend = new TrendModel([.. changes.Trend.Select(t => t.Name)],
            [
                new TrendSeries("Features", [.. changes.Trend.Select(t => (double)t.Numbers.Features)]),
                new TrendSeries("With prompts", [.. changes.Trend.Select(t => (double)t.Numbers.WithPrompts)]),
                new TrendSeries("Described", [.. changes.Trend.Select(t => (double)t.Numbers.Described)]),
                new TrendSeries("Warnings", [.. changes.Trend.Select(t => (double)t.Numbers.Warnings)]),
            ]),
        };
    }

    private static string Summary(HistoryChanges changes)
    {
        if (changes.Baseline is not { } baseline)
        {
            return changes.SameAs is { } same
                ? $"This build's data is the same as snapshot {same.DisplayName}, and the history keeps no earlier snapshot of other data: nothing to compare."
                : "This is the first build in the history: the next build is compared with it.";
        }

        var same2 = changes.SameAs is { } sameAs ? $" This build's data is the same as the newest snapshot, {sameAs.DisplayName}, so it adds none." : "";
        var date = baseline.Header.Date is { Length: >= 10 } d ? ", " + d[..10] : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Compared with snapshot {baseline.DisplayName}{date}, the newest in the history with other data (tool {baseline.Header.ToolVersion}): {changes.AddedCount:N0} feature(s) added, {changes.RemovedCount:N0} removed, {changes.ShiftedCount:N0} with a different category profile ({changes.CategoryChangedCount:N0} now most specific to another category), {changes.DescriptionChangedCount:N0} description(s) changed, {changes.NewWarningCount:N0} new warning(s).{same2}");
    }

    private static ChangesPart Listed(string title, long count, IReadOnlyList<ListedFeature> features, string where, string prompts, string specific)
    {
        if (count == 0)
        {
            return new ChangesPart(title, $"None: no feature is {where}.", null);
        }

        return new ChangesPart(title, string.Create(CultureInfo.InvariantCulture, $"{count:N0} feature(s) {where}{FirstOf(count, features.Count, "by id")}."),
            new TableModel([new("Feature", 1, IsNumeric: true), new(prompts, 1, IsNumeric: true), new(specific, 2)],
                [.. features.Select(f => (IReadOnlyList<TableCell>)[Count(f.Id), Integer(f.Prompts), f.MostSpecific ?? "—"])]));
    }

    private static ChangesPart Shifted(HistoryChanges changes)
    {
        const string title = "Category profiles that moved most";
        if (changes.ShiftedCount == 0)
        {
            return new ChangesPart(title, "None: every feature in both builds has the same mean activation in every category. " + ShiftMeasure, null);
        }

        return new ChangesPart(title, string.Create(CultureInfo.InvariantCulture,
                $"{ShiftMeasure} {changes.ShiftedCount:N0} feature(s) in both builds moved{FirstOf(changes.ShiftedCount, changes.Shifted.Count, "largest first")}; the category is where the change is largest."),
            ShiftTable(changes.Shifted));
    }

    private static ChangesPart CategoryChanged(HistoryChanges changes)
    {
        const string title = "Most specific category changed";
        if (changes.CategoryChangedCount == 0)
        {
            return new ChangesPart(title, "None: every feature in both builds is most specific to the same category as before.", null);
        }

        return new ChangesPart(title, string.Create(CultureInfo.InvariantCulture,
                $"{changes.CategoryChangedCount:N0} feature(s) are now most specific to another category (by Cohen's d against their other prompts){FirstOf(changes.CategoryChangedCount, changes.CategoryChanged.Count, "by id")}."),
            ShiftTable(changes.CategoryChanged));
    }

    private static TableModel ShiftTable(IReadOnlyList<ProfileShift> shifts) => new(
        [new("Feature", 1, IsNumeric: true), new("Shift", 1, IsNumeric: true), new("Category", 1.5f), new("Mean before", 1, IsNumeric: true), new("Mean now", 1, IsNumeric: true),
         new("Most specific before", 1.5f), new("Most specific now", 1.5f)],
        [.. shifts.Select(s => (IReadOnlyList<TableCell>)[Count(s.Id), Number(s.Shift), s.Category, Number(s.Before), Number(s.After), s.SpecificBefore ?? "—", s.SpecificAfter ?? "—"])]);

    private static ChangesPart Descriptions(ReportContent content, HistoryChanges changes)
    {
        const string title = "Descriptions that changed";
        if (changes.DescriptionChangedCount == 0)
        {
            return new ChangesPart(title, "None: every feature in both builds has the description it had.", null);
        }

        var rows = content.Analysis.Descriptions.ReadRows(changes.DescriptionChanged);
        return new ChangesPart(title, string.Create(CultureInfo.InvariantCulture,
                $"{changes.DescriptionChangedCount:N0} feature(s) in both builds have another description text, or gained or lost their row{FirstOf(changes.DescriptionChangedCount, changes.DescriptionChanged.Count, "by id")}; the history keeps a hash of each text, not the text, so the description now is shown."),
            new TableModel([new("Feature", 1, IsNumeric: true), new("Description now", 8)],
                [.. changes.DescriptionChanged.Zip(rows, (id, row) => (IReadOnlyList<TableCell>)[Count(id), DescriptionTexts.Description(row)])]));
    }

    private static ChangesPart Warnings(ReportContent content, SnapshotFile baseline, HistoryChanges changes)
    {
        const string title = "Warnings";
        var now = content.Analysis.Warnings.CountBy(w => w.Code).ToDictionary(c => c.Key, c => (long)c.Value, StringComparer.Ordinal);
        var before = baseline.Header.WarningCounts;
        var codes = now.Keys.Union(before.Keys).Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return new ChangesPart(title, "None in either build.", null);
        }

        return new ChangesPart(title, string.Create(CultureInfo.InvariantCulture, $"Warnings per code, before and now: {changes.NewWarningCount:N0} more than before (new-warnings counts the codes with more)."),
            new TableModel([new("Code", 1), new("Before", 1, IsNumeric: true), new("Now", 1, IsNumeric: true)],
                [.. codes.Select(c => (IReadOnlyList<TableCell>)[c, Integer(before.GetValueOrDefault(c)), Integer(now.GetValueOrDefault(c))])]));
    }

    private static ChangesPart Gates(ReportContent content, IReadOnlyList<FailOnRule> rules, HistoryChanges changes)
    {
        var findings = FailOnRules.Evaluate(rules, changes).ToList();
        var mode = content.Request.FailOnMode == "warn" ? "reported as warnings (FailOnMode warn)" : "errors that fail the build";
        var note = changes.Baseline is null
            ? "FailOn rules: nothing to compare with, so none is broken."
            : string.Create(CultureInfo.InvariantCulture, $"FailOn rules over these changes, {mode}: {findings.Count(f => f.Broken):N0} of {rules.Count:N0} broken.");
        return new ChangesPart("FailOn rules", note, findings.Count == 0 ? null :
            new TableModel([new("Rule", 1.5f), new("Result", 1.5f), new("Measured", 6)],
                [.. findings.Select(f => (IReadOnlyList<TableCell>)[f.Rule.Text, f.Broken ? "broken, " + f.Code : "holds", f.Finding])]));
    }

    /// <summary>"; the first 20, by id" when some are left out, nothing when all are listed.</summary>
    private static string FirstOf(long count, int listed, string order) =>
        count > listed ? string.Create(CultureInfo.InvariantCulture, $"; the first {listed:N0}, {order}") : "";
}
