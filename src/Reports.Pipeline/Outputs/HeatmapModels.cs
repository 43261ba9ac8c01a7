using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Clustering;
using Reports.Rendering.Charts;

namespace Reports.Pipeline.Outputs;

/// <summary>The heatmap's view of an analysis: features with prompts as columns, labels as rows.</summary>
public static class HeatmapModels
{
    public const string IdOrder = "id";
    public const string ClusteredOrder = "clustered";

    /// <summary>The heatmap's features, in id order (the notebook's) or clustered by their category profiles.</summary>
    public static FeatureSummary[] Columns(ActivationAnalysis analysis, string order)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var features = analysis.HeatmapFeatures.ToArray();
        if (string.Equals(order, ClusteredOrder, StringComparison.OrdinalIgnoreCase))
        {
            if (features.Length > HierarchicalClustering.MaxItems)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"HeatmapOrder: \"{ClusteredOrder}\" clusters at most {HierarchicalClustering.MaxItems:N0} features (its distance matrix grows with the square of the count); this report has {features.Length:N0} with prompts. Use \"{IdOrder}\"."));
            }

            var profiles = features.Select(f => f.ByLabel.Select(cell => cell?.Mean ?? 0).ToArray()).ToArray();
            return [.. HierarchicalClustering.LeafOrder(profiles).Select(i => features[i])];
        }

        return string.Equals(order, IdOrder, StringComparison.OrdinalIgnoreCase)
            ? features
            : throw new ArgumentException($"HeatmapOrder: expected \"{IdOrder}\" or \"{ClusteredOrder}\", found \"{order}\"");
    }

    public static string OrderNote(string order) =>
        string.Equals(order, ClusteredOrder, StringComparison.OrdinalIgnoreCase)
            ? "Feature order: " + HierarchicalClustering.MethodDescription + "."
            : "Feature order: by feature id.";

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
