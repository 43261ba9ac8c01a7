using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Tests;

/// <summary>Expected values are what pandas prints for <c>pd.Series(values).describe()</c>.</summary>
public sealed class ColumnSummaryTests
{
    [Fact]
    public void Four_values_match_pandas_describe()
    {
        // pd.Series([1, 2, 3, 4]).describe(): count 4, mean 2.5, std 1.290994, min 1, 25% 1.75, 50% 2.5, 75% 3.25, max 4
        var summary = ColumnSummary.Of([4, 1, 3, 2]);

        Assert.Equal(4, summary.Count);
        Assert.Equal(2.5, summary.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), summary.StandardDeviation, 12);
        Assert.Equal(1, summary.Min);
        Assert.Equal(1.75, summary.Quartile1);
        Assert.Equal(2.5, summary.Median);
        Assert.Equal(3.25, summary.Quartile3);
        Assert.Equal(4, summary.Max);
    }

    [Fact]
    public void Missing_values_are_skipped_and_an_odd_count_interpolates_between_neighbours()
    {
        // pd.Series([10, nan, 0, 5, 20, 15]).describe(): count 5, mean 10, std 7.905694, 25% 5, 50% 10, 75% 15
        var summary = ColumnSummary.Of([10, double.NaN, 0, 5, 20, 15]);

        Assert.Equal(5, summary.Count);
        Assert.Equal(10, summary.Mean);
        Assert.Equal(7.905694150420948, summary.StandardDeviation, 12);
        Assert.Equal(5, summary.Quartile1);
        Assert.Equal(10, summary.Median);
        Assert.Equal(15, summary.Quartile3);
    }

    [Fact]
    public void An_empty_column_has_count_zero_and_no_statistics()
    {
        var summary = ColumnSummary.Of([double.NaN]);

        Assert.Equal(0, summary.Count);
        Assert.All(summary.Rows().Skip(1), row => Assert.True(double.IsNaN(row.Value), row.Name));
    }
}
