using Reports.Rendering.Charts;

namespace Reports.Rendering.Report;

/// <summary>
/// The content of a report document, the same for the PDF and the HTML: a cover (title, date of the data, input
/// files, totals), the heatmap, the label counts and describe() tables, and the feature-description table.
/// </summary>
public sealed record ReportDocument
{
    public required string Title { get; init; }

    /// <summary>The date the report states for its data (SOURCE_DATE_EPOCH); null when not given. Never the build's clock.</summary>
    public DateTimeOffset? DataDate { get; init; }

    /// <summary>Input files: name, size, SHA-256.</summary>
    public required TableModel Inputs { get; init; }

    /// <summary>Totals for the cover, as label and value.</summary>
    public required IReadOnlyList<(string Label, string Value)> Totals { get; init; }

    public required HeatmapModel Heatmap { get; init; }

    /// <summary>Per heatmap cell (row, column), the notebook's hover text; null for blank cells.</summary>
    public required string?[,] HeatmapHoverTexts { get; init; }

    public required TableModel LabelCounts { get; init; }

    public required TableModel Describe { get; init; }

    /// <summary>The features the PDF lists: the heatmap's selection (every feature of a report that fits).</summary>
    public required TableModel Features { get; init; }

    /// <summary>Every feature of either input, column by column, for the HTML's browsable table.</summary>
    public required FeatureCatalog Catalog { get; init; }

    /// <summary>How the heatmap's features were chosen, as a sentence; empty when it draws every feature.</summary>
    public string SelectionNote { get; init; } = "";

    /// <summary>How the heatmap's feature columns are ordered, as a sentence for the page.</summary>
    public string HeatmapOrderNote { get; init; } = "Features in id order.";

    /// <summary>The features that get a section of their own, in the order of the description table.</summary>
    public IReadOnlyList<FeaturePage> FeaturePages { get; init; } = [];

    /// <summary>Warnings found in the inputs, shown so a reader knows what the numbers rest on.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every feature with prompts, grouped by the category it is most specific to; null leaves the overview out.</summary>
    public FeatureOverviewModel? Overview { get; init; }

    /// <summary>The overview's caption: how its columns, groups and colours are made.</summary>
    public string OverviewNote { get; init; } = "";

    /// <summary>Per category, the features most specific to it and their Cohen's d; null leaves the summary out.</summary>
    public TableModel? CategorySummary { get; init; }

    /// <summary>What the category summary's numbers are, as a sentence.</summary>
    public string CategorySummaryNote { get; init; } = "";

    /// <summary>What changed since the previous build, from the history; null when the report keeps none.</summary>
    public ChangesSection? Changes { get; init; }

    /// <summary>The same features' Cohen's d per category, for box plots.</summary>
    public IReadOnlyList<ContrastBox> CategoryContrasts { get; init; } = [];
}
