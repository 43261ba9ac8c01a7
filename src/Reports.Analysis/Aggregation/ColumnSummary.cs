namespace Reports.Analysis.Aggregation;

/// <summary>
/// One column of pandas' <c>DataFrame.describe()</c>: count of non-missing values, mean, sample standard
/// deviation (ddof = 1), minimum, the 25/50/75% quantiles with linear interpolation (numpy's default),
/// and maximum. Statistics of an empty column are NaN, as in pandas.
/// </summary>
public sealed record ColumnSummary(
    long Count,
    double Mean,
    double StandardDeviation,
    double Min,
    double Quartile1,
    double Median,
    double Quartile3,
    double Max)
{
    /// <summary>The rows of describe() in pandas' order, with pandas' names.</summary>
    public IEnumerable<(string Name, double Value)> Rows()
    {
        yield return ("count", Count);
        yield return ("mean", Mean);
        yield return ("std", StandardDeviation);
        yield return ("min", Min);
        yield return ("25%", Quartile1);
        yield return ("50%", Median);
        yield return ("75%", Quartile3);
        yield return ("max", Max);
    }

    /// <summary>Summarises the given values; NaN values count as missing, as in pandas.</summary>
    public static ColumnSummary Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new ColumnSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var statistics = new RunningStatistics();
        foreach (var value in sorted)
        {
            statistics.Add(value);
        }

        return new ColumnSummary(
            sorted.Length,
            statistics.Mean,
            statistics.StandardDeviation,
            sorted[0],
            Quantile(sorted, 0.25),
            Quantile(sorted, 0.50),
            Quantile(sorted, 0.75),
            sorted[^1]);
    }

    /// <summary>numpy's "linear" quantile of sorted values.</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
