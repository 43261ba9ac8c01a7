using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;

namespace Reports.Pipeline.Features;

/// <summary>
/// Orders features (by index) within the group of a category: the more specific first
/// (<see cref="FeatureSpecificity.IsMoreSpecificThan"/>), then the lower feature id. The heatmap's selection and
/// "category" order and the overview of every feature all use it, so they list a group's features alike.
/// </summary>
/// <param name="specificity">Aligned with <paramref name="features"/>.</param>
public sealed class MostSpecificFirst(IReadOnlyList<FeatureSummary> features, IReadOnlyList<FeatureSpecificity> specificity) : IComparer<int>
{
    public int Compare(int x, int y) =>
        specificity[x].IsMoreSpecificThan(specificity[y]) ? -1
        : specificity[y].IsMoreSpecificThan(specificity[x]) ? 1
        : features[x].FeatureId.CompareTo(features[y].FeatureId);
}
