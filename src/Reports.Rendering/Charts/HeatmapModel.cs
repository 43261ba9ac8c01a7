namespace Reports.Rendering.Charts;

/// <summary>
/// What a heatmap shows, independent of where its numbers came from: columns (feature ids, as text, in the order
/// given), rows (prompt categories, the first drawn at the top) and a value per cell, null where there is no data.
/// </summary>
public sealed record HeatmapModel(IReadOnlyList<string> ColumnLabels, IReadOnlyList<string> RowLabels, double?[,] Values)
{
    internal string Title { get; init; } = "Personal Feature Activation Heatmap by Prompt Category";

    internal string XAxisTitle { get; init; } = "Feature ID";

    internal string YAxisTitle { get; init; } = "Prompt Category";

    internal string ColorBarTitle { get; init; } = "Mean Activation";

    /// <summary>The smallest and largest value of all cells: one colour scale for every page of the heatmap.</summary>
    public (double Min, double Max) ValueRange()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in Values)
        {
            if (value is { } v)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min > max ? (0, 1) : min == max ? (min, min + 1) : (min, max);
    }
}
