using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Evidence;

/// <summary>
/// Cohen's d of one category against all other prompts of the same feature, with the pooled standard deviation
/// sqrt(((n1 - 1) s1² + (n2 - 1) s2²) / (n1 + n2 - 2)). Undefined (null) when either side has fewer than two prompts
/// or the pooled deviation is zero.
/// </summary>
public sealed record CategoryContrast(string Label, long Count, double Mean, long RestCount, double RestMean, double? CohensD)
{
    public static CategoryContrast Of(string label, RunningStatistics category, RunningStatistics rest)
    {
        double? d = null;
        if (category.Count >= 2 && rest.Count >= 2)
        {
            var pooledVariance = (category.M2 + rest.M2) / (category.Count + rest.Count - 2);
            if (pooledVariance > 0)
            {
                d = (category.Mean - rest.Mean) / Math.Sqrt(pooledVariance);
            }
        }

        return new CategoryContrast(label, category.Count, category.Mean, rest.Count, rest.Mean, d);
    }

    /// <summary>Each label of the feature against the rest (labels the feature has no prompt of are left out).</summary>
    public static IReadOnlyList<CategoryContrast> For(FeatureSummary feature, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(labels);
        var contrasts = new List<CategoryContrast>();
        for (var l = 0; l < labels.Count; l++)
        {
            if (feature.ByLabel[l] is not { } category)
            {
                continue;
            }

            var rest = new RunningStatistics();
            for (var other = 0; other < labels.Count; other++)
            {
                if (other != l && feature.ByLabel[other] is { } statistics)
                {
                    rest.Merge(statistics);
                }
            }

            contrasts.Add(Of(labels[l], category, rest));
        }

        return contrasts;
    }
}
