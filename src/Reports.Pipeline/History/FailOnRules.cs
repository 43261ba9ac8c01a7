using System.Globalization;
using System.Text;
using Reports.Analysis.Diagnostics;
using Reports.Pipeline.Diagnostics;

namespace Reports.Pipeline.History;

/// <summary>
/// FailOn: rules over the changes since the previous build, separated by ';' or ',', each <c>measure&gt;value</c> or
/// <c>measure&gt;=value</c>. A broken rule is its own RPT06x error naming the features (the first few and how many), or a
/// warning with FailOnMode="warn" (docs/history.md).
/// </summary>
internal static class FailOnRules
{
    /// <summary>Features a gate's message names; the rest are counted.</summary>
    public const int Named = 10;

    /// <summary>The measures, each with its code and what it counts.</summary>
    public static IReadOnlyDictionary<string, (string Code, string What)> Measures { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["removed"] = (PipelineDiagnosticCodes.GateRemoved, "feature(s) removed"),
        ["added"] = (PipelineDiagnosticCodes.GateAdded, "feature(s) added"),
        ["profile-shift"] = (PipelineDiagnosticCodes.GateProfileShift, "a feature's profile shift (the largest change of its mean activation in a category)"),
        ["category-changed"] = (PipelineDiagnosticCodes.GateCategoryChanged, "feature(s) now most specific to another category"),
        ["description-changed"] = (PipelineDiagnosticCodes.GateDescriptionChanged, "feature(s) with another description"),
        ["new-warnings"] = (PipelineDiagnosticCodes.GateNewWarnings, "warning(s) more than the previous build, counted per code"),
    };

    public static bool TryParse(string text, out IReadOnlyList<FailOnRule> rules, out string? problem)
    {
        var parsed = new List<FailOnRule>();
        rules = parsed;
        problem = null;
        foreach (var part in (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.IndexOf('>', StringComparison.Ordinal);
            var orEqual = at >= 0 && at + 1 < part.Length && part[at + 1] == '=';
            var measure = at > 0 ? part[..at].Trim() : "";
            var value = at >= 0 ? part[(at + (orEqual ? 2 : 1))..].Trim() : "";
            if (!Measures.ContainsKey(measure) || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !double.IsFinite(threshold))
            {
                problem = $"FailOn: expected rules such as removed>0 or profile-shift>2.0, separated by ';' (measures: {string.Join(", ", Measures.Keys)}), found '{part}'";
                return false;
            }

            parsed.Add(new FailOnRule(measure, threshold, orEqual, part));
        }

        return true;
    }

    /// <summary>The rules the changes break, each as its diagnostic (an error, or a warning when <paramref name="warn"/>).</summary>
    public static IEnumerable<ReportDiagnostic> Broken(IReadOnlyList<FailOnRule> rules, HistoryChanges changes, bool warn) =>
        from finding in Evaluate(rules, changes)
        where finding.Broken
        select new ReportDiagnostic(warn ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, finding.Code,
            $"FailOn rule '{finding.Rule.Text}' broken since the previous build (snapshot {changes.Baseline!.DisplayName}): {finding.Finding}; see the changes in summary.md or the report, and change the data or the rule (FailOnMode=\"warn\" reports it without failing)");

    /// <summary>Each rule with what the changes measure and whether that breaks it; none without a previous build to compare with.</summary>
    public static IEnumerable<(FailOnRule Rule, string Code, bool Broken, string Finding)> Evaluate(IReadOnlyList<FailOnRule> rules, HistoryChanges changes)
    {
        if (changes.Baseline is null)
        {
            yield break;
        }

        foreach (var rule in rules)
        {
            var (value, named) = rule.Measure switch
            {
                "removed" => (changes.RemovedCount, Ids(changes.Removed.Select(f => f.Id), changes.RemovedCount)),
                "added" => (changes.AddedCount, Ids(changes.Added.Select(f => f.Id), changes.AddedCount)),
                "category-changed" => (changes.CategoryChangedCount,
                    Join(changes.CategoryChanged.Select(s => $"{s.Id} ({s.SpecificBefore ?? "none"} -> {s.SpecificAfter ?? "none"})"), changes.CategoryChangedCount)),
                "description-changed" => (changes.DescriptionChangedCount, Ids(changes.DescriptionChanged, changes.DescriptionChangedCount)),
                "new-warnings" => (changes.NewWarningCount, Join(changes.NewWarnings.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Key} +{w.Value:N0}")), changes.NewWarnings.Count, "code", "codes")),
                _ => ProfileShifts(rule, changes),
            };
            var (code, what) = Measures[rule.Measure];
            var broken = rule.IsBrokenBy(value);
            var measured = rule.Measure == "profile-shift"
                ? string.Create(CultureInfo.InvariantCulture, $"{changes.ShiftedOverThresholdCount:N0} feature(s) shifted by more than {rule.Threshold} (the largest {value:0.000})")
                : string.Create(CultureInfo.InvariantCulture, $"{value:N0} {what}");
            yield return (rule, code, broken, value > 0 && named.Length > 0 ? $"{measured}: {named}" : measured);
        }
    }

    /// <summary>profile-shift is per feature: the largest shift is the value, the features over the threshold are named.</summary>
    private static (double, string) ProfileShifts(FailOnRule rule, HistoryChanges changes)
    {
        var over = changes.Shifted.Where(s => rule.IsBrokenBy(s.Shift)).ToList();
        var largest = changes.Shifted.Count > 0 ? changes.Shifted[0].Shift : 0;
        return (largest, Join(over.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Id} ({s.Category} {s.Before:0.000} -> {s.After:0.000}, shift {s.Shift:0.000})")), Math.Max(over.Count, changes.ShiftedOverThresholdCount)));
    }

    private static string Ids(IEnumerable<long> ids, long count) => Join(ids.Select(i => i.ToString(CultureInfo.InvariantCulture)), count);

    /// <summary>The first <see cref="Named"/>, then how many more.</summary>
    private static string Join(IEnumerable<string> names, long count, string one = "feature", string many = "features")
    {
        var listed = names.Take(Named).ToList();
        var text = new StringBuilder(listed.Count == 1 ? one + " " : many + " ").AppendJoin(", ", listed);
        if (count > listed.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {count - listed.Count:N0} more");
        }

        return text.ToString();
    }
}
