using Reports.Analysis.Aggregation;
using Reports.Pipeline.Outputs;
using Reports.Rendering.Report;

namespace Reports.Pipeline;

/// <summary>Everything an output needs to write its file; the choices that cost work (clustering) are made once.</summary>
/// <param name="HeatmapColumns">The heatmap's features in the order the request asked for (id or clustered).</param>
/// <param name="FeaturePages">The features that get a page of their own, in feature-id order.</param>
public sealed record ReportContent(
    ReportRequest Request,
    ActivationAnalysis Analysis,
    IReadOnlyList<InputFileInfo> Inputs,
    IReadOnlyList<FeatureSummary> HeatmapColumns,
    IReadOnlyList<FeatureSummary> FeaturePages)
{
    private object? documentGate;

    /// <summary>The document model the PDF and the HTML share, built once by whichever is written first.</summary>
    public ReportDocument Document => LazyInitializer.EnsureInitialized(ref field, ref documentGate, () => ReportDocuments.From(this));
}
