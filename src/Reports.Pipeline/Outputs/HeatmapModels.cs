using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Rendering.Charts;

namespace Reports.Pipeline.Outputs;

/// <summary>The heatmap's view of an analysis: features with prompts as columns (id order), labels as rows.</summary>
public static class HeatmapModels
{
    public static HeatmapModel From(ActivationAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var features = analysis.HeatmapFeatures.ToArray();
        var values = new double?[analysis.Labels.Count, features.Length];
        for (var c = 0; c < features.Length; c++)
        {
            for (var r = 0; r < analysis.Labels.Count; r++)
            {
                values[r, c] = features[c].ByLabel[r]?.Mean;
            }
        }

        return new HeatmapModel([.. features.Select(f => f.FeatureId.ToString(CultureInfo.InvariantCulture))], analysis.Labels, values);
    }
}
