using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Pipeline.Outputs;
using Reports.Rendering.Charts;
using Reports.Rendering.Report;

namespace Reports.Pipeline;

/// <summary>
/// Everything an output needs to write its file; the choices that cost work (clustering, the document model) are made
/// once. A class, not a record: a <c>with</c> copy would carry the document built for the original.
/// </summary>
/// <param name="selection">The features the PDF's heatmap and table show, and the rule that chose them.</param>
/// <param name="heatmapColumns">The selection in the heatmap's order (<see cref="HeatmapOrder"/>).</param>
/// <param name="featurePages">The features that get a page of their own, in feature-id order.</param>
/// <param name="specificity">Per feature of the analysis (aligned with its <c>Features</c>), the category it is most specific to.</param>
public sealed class ReportContent(
    ReportRequest request,
    ActivationAnalysis analysis,
    IReadOnlyList<InputFileInfo> inputs,
    Features.HeatmapSelection selection,
    string heatmapOrder,
    IReadOnlyList<FeatureSummary> heatmapColumns,
    IReadOnlyList<FeatureSummary> featurePages,
    IReadOnlyList<FeatureSpecificity> specificity)
{
    private object? documentGate;
    private object? overviewGate;

    public ReportRequest Request { get; } = request;

    public ActivationAnalysis Analysis { get; } = analysis;

    public IReadOnlyList<InputFileInfo> Inputs { get; } = inputs;

    public Features.HeatmapSelection Selection { get; } = selection;

    /// <summary>The heatmap's order: the request's, or the default for the selection.</summary>
    public string HeatmapOrder { get; } = heatmapOrder;

    public IReadOnlyList<FeatureSummary> HeatmapColumns { get; } = heatmapColumns;

    public IReadOnlyList<FeatureSummary> FeaturePages { get; } = featurePages;

    /// <summary>Per feature of <see cref="Analysis"/>, the category it is most specific to: computed once, for the selection, the overview and the summaries.</summary>
    public IReadOnlyList<FeatureSpecificity> Specificity { get; } = specificity;

    /// <summary>What changed since the previous build, when the request keeps a history (null otherwise).</summary>
    internal History.HistoryChanges? Changes { get; init; }

    /// <summary>Every feature with prompts, grouped by category (the PDF's overview page and the PNG), built once by whichever needs it first.</summary>
    public FeatureOverviewModel Overview => LazyInitializer.EnsureInitialized(ref field, ref overviewGate, () => OverviewModels.From(Analysis, Specificity, Selection));

    /// <summary>The document model the PDF and the HTML share, built once by whichever is written first.</summary>
    public ReportDocument Document => LazyInitializer.EnsureInitialized(ref field, ref documentGate, () => ReportDocuments.From(this));
}
