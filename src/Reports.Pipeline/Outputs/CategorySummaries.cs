using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Rendering.Charts;
using Reports.Rendering.Report;
using static Reports.Pipeline.CellText;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// Per category, the features most specific to it (<see cref="FeatureSpecificity"/>): how many, their share of the
/// features with prompts, and the distribution of their Cohen's d (quartiles as pandas' describe() computes them, and
/// how many reach 0.8, "large" by Cohen's convention), as a table and as box plots; a last row for all categories.
/// </summary>
public static class CategorySummaries
{
    public const string Note = "Each feature with prompts counts once, for the category it is most specific to: the largest Cohen's d of the category's prompts against the feature's other prompts (pooled standard deviation), or, where no category has a d (fewer than two prompts on a side, or no spread), the largest difference of means. The d columns summarise those features' d: quartiles with linear interpolation, as pandas' describe(); \"Large d\" counts the features with a d of 0.8 or more, a large effect by Cohen's convention.";

    public static TableModel Table(ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity)
    {
        var (counts, ds) = ByCategory(analysis, specificity);
        var total = counts.Sum();
        var rows = new List<IReadOnlyList<TableCell>>();
        for (var l = 0; l < analysis.Labels.Count; l++)
        {
            rows.Add(Row(analysis.Labels[l], counts[l], total, ds[l]));
        }

        rows.Add(Row("All categories", total, total, [.. ds.SelectMany(d => d)]));
        return new TableModel(
            [
                new("Category", 2.2f), new("Features most specific to it", 1.6f, IsNumeric: true), new("Share", 1, IsNumeric: true),
                new("With a d", 1, IsNumeric: true), new("d min", 1, IsNumeric: true), new("d 25%", 1, IsNumeric: true), new("d median", 1, IsNumeric: true),
                new("d 75%", 1, IsNumeric: true), new("d max", 1, IsNumeric: true), new("Large d (0.8 or more)", 1.3f, IsNumeric: true),
            ],
            rows);
    }

    public static IReadOnlyList<ContrastBox> Boxes(ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity)
    {
        var (_, ds) = ByCategory(analysis, specificity);
        return [.. analysis.Labels.Select((label, l) => ContrastBox.Of(label, [.. ds[l].Order()]))];
    }

    private static (int[] Counts, List<double>[] Ds) ByCategory(ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(specificity);
        var counts = new int[analysis.Labels.Count];
        var ds = analysis.Labels.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < analysis.Features.Count; i++)
        {
            if (analysis.Features[i].HasPrompts && specificity[i] is { LabelIndex: >= 0 } s)
            {
                counts[s.LabelIndex]++;
                if (s.CohensD is { } d)
                {
                    ds[s.LabelIndex].Add(d);
                }
            }
        }

        return (counts, ds);
    }

    private static IReadOnlyList<TableCell> Row(string label, int count, int total, IReadOnlyList<double> ds)
    {
        var d = ColumnSummary.Of(ds);
        return
        [
            label, Integer(count), (100.0 * count / Math.Max(1, total)).ToString("0.0", CultureInfo.InvariantCulture) + " %",
            Integer(d.Count), Number(d.Min, "0.00"), Number(d.Quartile1, "0.00"), Number(d.Median, "0.00"), Number(d.Quartile3, "0.00"), Number(d.Max, "0.00"),
            Integer(ds.Count(v => v >= ContrastBoxPlot.Large)),
        ];
    }
}
