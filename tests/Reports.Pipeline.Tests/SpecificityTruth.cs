namespace Reports.Pipeline.Tests;

/// <summary>
/// The category each feature is most specific to, computed here from the prompts themselves (PromptTruth) with a
/// two-pass pooled deviation: the label with the largest Cohen's d of its prompts against the feature's other prompts,
/// else the largest difference of means; labels tried in ordinal order, the first kept on ties.
/// </summary>
internal static class SpecificityTruth
{
    public static Dictionary<long, (string Label, double? D, double Difference)> Of(string promptsPath)
    {
        var result = new Dictionary<long, (string, double?, double)>();
        foreach (var (feature, prompts) in PromptTruth.ByFeature(promptsPath))
        {
            (string Label, double? D, double Difference)? best = null;
            foreach (var label in prompts.Select(p => p.Label).Distinct().Order(StringComparer.Ordinal))
            {
                var inside = prompts.Where(p => p.Label == label).Select(p => p.Activation).ToArray();
                var outside = prompts.Where(p => p.Label != label).Select(p => p.Activation).ToArray();
                double? d = null;
                if (inside.Length >= 2 && outside.Length >= 2)
                {
                    var pooled = (SquaredDeviations(inside) + SquaredDeviations(outside)) / (inside.Length + outside.Length - 2);
                    d = pooled > 0 ? (inside.Average() - outside.Average()) / Math.Sqrt(pooled) : null;
                }

                var difference = outside.Length == 0 ? inside.Average() : inside.Average() - outside.Average();
                var better = best is not { } b || (d, b.D) switch
                {
                    ({ } x, { } y) => x > y + 1e-9,
                    ({ }, null) => true,
                    (null, { }) => false,
                    _ => difference > b.Difference + 1e-9,
                };
                if (better)
                {
                    best = (label, d, difference);
                }
            }

            result[feature] = best!.Value;
        }

        return result;
    }

    /// <summary>Per category, its features most specific first (a defined d before none, larger first), then by id.</summary>
    public static Dictionary<string, List<long>> Rankings(Dictionary<long, (string Label, double? D, double Difference)> truth) =>
        truth.GroupBy(t => t.Value.Label).ToDictionary(g => g.Key, g => g
            .OrderByDescending(t => t.Value.D.HasValue).ThenByDescending(t => t.Value.D ?? t.Value.Difference).ThenBy(t => t.Key)
            .Select(t => t.Key).ToList());

    private static double SquaredDeviations(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean));
    }
}
