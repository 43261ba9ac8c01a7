using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Evidence;

/// <summary>
/// The category a feature is most specific to, and how specific: the label whose prompts activate it furthest above
/// the feature's other prompts, by Cohen's d (<see cref="CategoryContrast"/>). Where no label has a d (fewer than two
/// prompts on a side, or no spread), the label with the highest mean, without a d. What a wide report groups and
/// selects features by.
/// </summary>
/// <param name="LabelIndex">Index into <see cref="ActivationAnalysis.Labels"/>; -1 for a feature without prompts.</param>
/// <param name="CohensD">The label against the feature's other prompts; null where undefined.</param>
/// <param name="MeanDifference">The label's mean minus the mean of the feature's other prompts (its mean, alone).</param>
public readonly record struct FeatureSpecificity(int LabelIndex, double? CohensD, double MeanDifference)
{
    public static FeatureSpecificity None => new(-1, null, 0);

    public static FeatureSpecificity Of(FeatureSummary feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var best = None;
        for (var l = 0; l < feature.ByLabel.Count; l++)
        {
            if (feature.ByLabel[l] is not { } category)
            {
                continue;
            }

            // The rest merged in label order, as CategoryContrast.For does: the d is the same bits a feature page shows.
            var rest = new RunningStatistics();
            for (var other = 0; other < feature.ByLabel.Count; other++)
            {
                if (other != l && feature.ByLabel[other] is { } statistics)
                {
                    rest.Merge(statistics);
                }
            }

            var contrast = CategoryContrast.Of("", category, rest);
            var candidate = new FeatureSpecificity(l, contrast.CohensD, rest.Count == 0 ? category.Mean : category.Mean - rest.Mean);
            if (best.LabelIndex < 0 || candidate.IsMoreSpecificThan(best))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>A defined d beats none; then the larger d, or (both undefined) the larger mean difference; ties keep the earlier label.</summary>
    public bool IsMoreSpecificThan(FeatureSpecificity other) =>
        (CohensD, other.CohensD) switch
        {
            ({ } d, { } otherD) => d > otherD,
            ({ }, null) => true,
            (null, { }) => false,
            _ => MeanDifference > other.MeanDifference,
        };
}
