using Reports.Analysis.Aggregation;

namespace Reports.Pipeline;

/// <summary>The result of a report run: whether it succeeded, and the files it wrote (full paths).</summary>
/// <param name="HeatmapFeatures">The features the PDF's heatmap and description table show, in the heatmap's order.</param>
public sealed record ReportOutcome(bool Succeeded, IReadOnlyList<string> WrittenFiles, ActivationAnalysis? Analysis, IReadOnlyList<long>? HeatmapFeatures = null)
{
    public static ReportOutcome Failed { get; } = new(false, [], null);
}
