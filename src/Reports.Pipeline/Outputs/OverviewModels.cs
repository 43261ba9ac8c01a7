using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Pipeline.Features;
using Reports.Rendering.Charts;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// The overview's view of an analysis: every feature with prompts, grouped by the category it is most specific to
/// (groups in label order), the most specific first within a group (<see cref="MostSpecificFirst"/>, as the heatmap's
/// "category" order), in bins of k consecutive features of a group when there are more features than columns.
/// </summary>
public static class OverviewModels
{
    /// <param name="specificity">Per feature of <paramref name="analysis"/>, aligned with its <c>Features</c>.</param>
    /// <param name="selection">The heatmap's features, whose columns the figure marks.</param>
    /// <param name="maxColumns">The most columns the figure has room for.</param>
    public static FeatureOverviewModel From(ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity, HeatmapSelection selection, int maxColumns = FeatureOverview.MaxColumns)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(specificity);
        ArgumentNullException.ThrowIfNull(selection);
        var features = analysis.Features;
        var order = new MostSpecificFirst(features, specificity);
        var byGroup = Enumerable.Range(0, features.Count)
            .Where(i => features[i].HasPrompts)
            .GroupBy(i => specificity[i].LabelIndex)
            .OrderBy(g => g.Key)
            .Select(g => (Row: g.Key, Features: g.Order(order).ToArray()))
            .ToArray();
        var perColumn = FeaturesPerColumn([.. byGroup.Select(g => g.Features.Length)], maxColumns);
        var columnCount = byGroup.Sum(g => Bins(g.Features.Length, perColumn));
        var rows = analysis.Labels.Count;
        var values = new double?[rows, columnCount];
        var ids = new List<long>();
        var groups = new List<OverviewGroup>();
        var columns = new List<OverviewColumn>(columnCount);
        var inHeatmap = selection.Features.Select(f => f.FeatureId).ToHashSet();
        foreach (var (row, members) in byGroup)
        {
            groups.Add(new OverviewGroup(row, analysis.Labels[row], members.Length, columns.Count, Bins(members.Length, perColumn)));
            for (var start = 0; start < members.Length; start += perColumn)
            {
                var bin = members.AsSpan(start, Math.Min(perColumn, members.Length - start));
                var c = columns.Count;
                var first = ids.Count;
                var marked = false;
                foreach (var i in bin)
                {
                    ids.Add(features[i].FeatureId);
                    marked |= inHeatmap.Contains(features[i].FeatureId);
                }

                columns.Add(new OverviewColumn(first, bin.Length, marked));

                for (var r = 0; r < rows; r++)
                {
                    // The mean of the bin's features that have prompts of the category; the others are no evidence either way.
                    double sum = 0;
                    var count = 0;
                    foreach (var i in bin)
                    {
                        if (features[i].ByLabel[r] is { } cell)
                        {
                            sum += cell.Mean;
                            count++;
                        }
                    }

                    values[r, c] = count > 0 ? sum / count : null;
                }
            }
        }

        return new FeatureOverviewModel(analysis.Labels, ids, groups, columns, values, Range(features));
    }

    /// <summary>
    /// The smallest k for which the groups' bins of k fit the columns: every group gets columns in proportion to its
    /// size (its count over k, rounded up, so at least one), and all bins but a group's last hold exactly k.
    /// </summary>
    public static int FeaturesPerColumn(IReadOnlyList<int> groupSizes, int maxColumns)
    {
        ArgumentNullException.ThrowIfNull(groupSizes);
        var total = groupSizes.Sum();
        var largest = groupSizes.DefaultIfEmpty(1).Max();
        // Below the mean count per column nothing fits; past the largest group every group is one column already.
        var k = Math.Min(largest, Math.Max(1, (total + maxColumns - 1) / Math.Max(1, maxColumns)));
        while (k < largest && groupSizes.Sum(n => Bins(n, k)) > maxColumns)
        {
            k++;
        }

        return k;
    }

    /// <summary>The caption under the figure: what the columns, groups, rows and colours are.</summary>
    public static string Caption(FeatureOverviewModel model, (double Min, double Max) heatmapRange)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (min, max) = model.ColorRange;
        var scale = (min, max) == heatmapRange ? "the heatmap's scale" : "the range of every feature's means; the heatmap pages' scale covers only their features";
        return string.Create(CultureInfo.InvariantCulture,
            $"Every feature with prompts ({model.FeatureIds.Count:N0}), grouped by the category it is most specific to: the largest Cohen's d of the category's prompts against the feature's other prompts (without one, the largest difference of means). Groups follow the rows' order, each labelled with its category and number of features; within a group the most specific first, as in the heatmap's category order. {model.BinRule} Colour: Viridis from {min:0.000} to {max:0.000} mean activation ({scale}).{(model.FeaturesPerColumn == 1 ? " Blank: the feature has no prompt of the category." : "")}")
            + (model.MarksHeatmapFeatures ? " A tick under a column: it holds a feature the heatmap shows." : "");
    }

    private static int Bins(int features, int perColumn) => (features + perColumn - 1) / perColumn;

    private static (double Min, double Max) Range(IReadOnlyList<FeatureSummary> features)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var feature in features)
        {
            foreach (var cell in feature.ByLabel)
            {
                if (cell is { } statistics)
                {
                    min = Math.Min(min, statistics.Mean);
                    max = Math.Max(max, statistics.Mean);
                }
            }
        }

        // As HeatmapModel.ValueRange: a usable scale for no values or a single one.
        return min > max ? (0, 1) : min == max ? (min, min + 1) : (min, max);
    }
}
