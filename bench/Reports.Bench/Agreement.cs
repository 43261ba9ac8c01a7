using System.Globalization;

namespace Reports.Bench;

/// <summary>Whether DuckDB's groups are ours: same (feature, label) keys, counts exactly, means to 1e-9 relative.</summary>
public sealed record Agreement(bool Agrees, string Summary)
{
    public const double RelativeTolerance = 1e-9;

    public static Agreement Compare(IReadOnlyList<AggregateGroup> ours, IReadOnlyList<AggregateGroup> duckDb)
    {
        var theirs = duckDb.ToDictionary(g => (g.FeatureId, g.Label));
        var problems = new List<string>();
        var largest = 0.0;
        foreach (var g in ours)
        {
            if (!theirs.Remove((g.FeatureId, g.Label), out var d))
            {
                problems.Add($"{g.FeatureId}/{g.Label} only in ours");
                continue;
            }

            var relative = Math.Abs(g.Mean - d.Mean) / Math.Max(Math.Abs(g.Mean), Math.Abs(d.Mean));
            largest = Math.Max(largest, double.IsNaN(relative) ? 0 : relative);
            if (g.Count != d.Count)
            {
                problems.Add($"{g.FeatureId}/{g.Label} count {g.Count} vs {d.Count}");
            }
            else if (relative > RelativeTolerance)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{g.FeatureId}/{g.Label} mean {g.Mean:R} vs {d.Mean:R}"));
            }
        }

        problems.AddRange(theirs.Keys.Select(k => $"{k.FeatureId}/{k.Label} only in DuckDB's"));
        return problems.Count == 0
            ? new(true, string.Create(CultureInfo.InvariantCulture,
                $"agrees with ours on all {ours.Count:N0} (feature, label) groups: counts exactly, means to {RelativeTolerance:0e0} relative (largest difference {largest:G2})."))
            : new(false, string.Create(CultureInfo.InvariantCulture,
                $"DISAGREES with ours: {problems.Count:N0} problems over {ours.Count:N0} of our groups and {duckDb.Count:N0} of DuckDB's, e.g. {string.Join("; ", problems.Take(3))}."));
    }
}
