namespace Reports.Rendering.Charts;

/// <summary>The Cohen's d of one category's most specific features, as a box plot draws them.</summary>
/// <param name="Count">The features with a d; no box without one.</param>
/// <param name="LowerWhisker">The smallest d at most 1.5 interquartile ranges below the first quartile.</param>
/// <param name="UpperWhisker">The largest d at most 1.5 interquartile ranges above the third quartile.</param>
public sealed record ContrastBox(string Label, int Count, double LowerWhisker, double Quartile1, double Median, double Quartile3, double UpperWhisker)
{
    /// <summary>The box of sorted values: quartiles with linear interpolation (numpy's default, as pandas' describe()), Tukey's whiskers.</summary>
    public static ContrastBox Of(string label, IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return new ContrastBox(label, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var (q1, median, q3) = (Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75));
        var reach = 1.5 * (q3 - q1);
        return new ContrastBox(label, sorted.Count, sorted.First(v => v >= q1 - reach), q1, median, q3, sorted.Last(v => v <= q3 + reach));
    }

    private static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
