using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Clustering;
using Reports.Analysis.Evidence;
using Reports.Pipeline.Features;
using Reports.Rendering.Charts;

namespace Reports.Pipeline.Outputs;

/// <summary>The heatmap's view of an analysis: features with prompts as columns, labels as rows.</summary>
public static class HeatmapModels
{
    public const string IdOrder = "id";
    public const string ClusteredOrder = "clustered";
    public const string CategoryOrder = "category";

    /// <summary>
    /// The heatmap's features in the order asked for: id (the notebook's), clustered by their category profiles, or
    /// grouped by the category each is most specific to. Without an order: id when every feature is drawn, by
    /// category for a selection (its blocks are what the selection rule chose).
    /// </summary>
    public static FeatureSummary[] Columns(HeatmapSelection selection, string? order)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var features = selection.Features.ToArray();
        switch (EffectiveOrder(selection, order))
        {
            case ClusteredOrder:
                if (features.Length > HierarchicalClustering.MaxItems)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"HeatmapOrder: \"{ClusteredOrder}\" clusters at most {HierarchicalClustering.MaxItems:N0} features (its distance matrix grows with the square of the count); this heatmap has {features.Length:N0}. Use \"{IdOrder}\" or \"{CategoryOrder}\", or draw fewer with HeatmapFeatures."));
                }

                var profiles = features.Select(f => f.ByLabel.Select(cell => cell?.Mean ?? 0).ToArray()).ToArray();
                return [.. HierarchicalClustering.LeafOrder(profiles).Select(i => features[i])];
            case CategoryOrder:
                var specificity = features.Select(FeatureSpecificity.Of).ToArray();
                return [.. Enumerable.Range(0, features.Length)
                    .OrderBy(i => specificity[i].LabelIndex)
                    .ThenBy(i => i, new MostSpecificFirst(features, specificity))
                    .Select(i => features[i])];
            default:
                return features;
        }
    }

    /// <summary>The order a request's heatmap gets: its own, or the default for its selection.</summary>
    /// <exception cref="ArgumentException">The order is not one of the three.</exception>
    public static string EffectiveOrder(HeatmapSelection selection, string? order)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (string.IsNullOrWhiteSpace(order))
        {
            return selection.IsEveryFeature ? IdOrder : CategoryOrder;
        }

        var known = new[] { IdOrder, ClusteredOrder, CategoryOrder }.FirstOrDefault(o => string.Equals(o, order.Trim(), StringComparison.OrdinalIgnoreCase));
        return known ?? throw new ArgumentException($"HeatmapOrder: expected \"{IdOrder}\", \"{ClusteredOrder}\" or \"{CategoryOrder}\", found \"{order}\"");
    }

    public static string OrderNote(string effectiveOrder) => effectiveOrder switch
    {
        ClusteredOrder => "Feature order: " + HierarchicalClustering.MethodDescription + ".",
        CategoryOrder => "Feature order: grouped by the category each feature is most specific to, in the rows' order; within a group, the most specific first.",
        _ => "Feature order: by feature id.",
    };

    public static HeatmapModel From(ActivationAnalysis analysis, IReadOnlyList<FeatureSummary> features)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(features);
        var values = new double?[analysis.Labels.Count, features.Count];
        for (var c = 0; c < features.Count; c++)
        {
            for (var r = 0; r < analysis.Labels.Count; r++)
            {
                values[r, c] = features[c].ByLabel[r]?.Mean;
            }
        }

        return new HeatmapModel([.. features.Select(f => f.FeatureId.ToString(CultureInfo.InvariantCulture))], analysis.Labels, values);
    }
}
