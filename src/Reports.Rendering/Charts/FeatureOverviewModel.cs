using System.Globalization;

namespace Reports.Rendering.Charts;

/// <summary>
/// What the overview of every feature shows: columns of features grouped by the category each is most specific to,
/// rows of categories, and per cell a mean activation (null where no feature of the column has a prompt of the
/// category). A column is one feature, or, when there are more features than columns, the mean of a bin of
/// consecutive features of one group.
/// </summary>
/// <param name="RowLabels">The categories, the first drawn at the top.</param>
/// <param name="FeatureIds">Every feature drawn, in column order.</param>
/// <param name="Groups">The groups in column order.</param>
/// <param name="Columns">Each column's features: a range of <paramref name="FeatureIds"/>.</param>
/// <param name="Values">Per (row, column): the mean of the column's features' mean activations in the row's category.</param>
/// <param name="ColorRange">The smallest and largest mean activation of any feature in any category.</param>
public sealed record FeatureOverviewModel(
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<long> FeatureIds,
    IReadOnlyList<OverviewGroup> Groups,
    IReadOnlyList<OverviewColumn> Columns,
    double?[,] Values,
    (double Min, double Max) ColorRange)
{
    /// <summary>What the figure shows, as a title for a picture without a caption of its own (the PNG).</summary>
    internal string Title { get; init; } = "Every feature, grouped by the category it is most specific to (the most specific first)";

    /// <summary>The most features a column holds (1 when every feature has a column of its own).</summary>
    public int FeaturesPerColumn => Columns.Count == 0 ? 1 : Columns.Max(c => c.FeatureCount);

    /// <summary>Whether some column holds no feature the heatmap shows: then the figure marks the ones that do.</summary>
    public bool MarksHeatmapFeatures => Columns.Any(c => !c.InHeatmap);

    /// <summary>How columns stand for features, as a sentence for the caption.</summary>
    public string BinRule => FeaturesPerColumn == 1
        ? string.Create(CultureInfo.InvariantCulture, $"Each column is one feature ({FeatureIds.Count:N0} columns).")
        : string.Create(CultureInfo.InvariantCulture,
            $"Each column is the mean of up to {FeaturesPerColumn:N0} consecutive features of one group ({Columns.Count:N0} columns for {FeatureIds.Count:N0} features; a group's last column may hold fewer); a cell is the mean of its features' mean activations in the category, features without a prompt of the category left out, blank when none has one.");
}

/// <summary>The features most specific to one category: a run of the overview's columns.</summary>
/// <param name="RowIndex">The category's row.</param>
public sealed record OverviewGroup(int RowIndex, string Label, int FeatureCount, int FirstColumn, int ColumnCount);

/// <summary>One column of the overview: features [FirstFeature, FirstFeature + FeatureCount) of its FeatureIds.</summary>
/// <param name="InHeatmap">Whether one of them is in the heatmap's selection.</param>
public readonly record struct OverviewColumn(int FirstFeature, int FeatureCount, bool InHeatmap);
