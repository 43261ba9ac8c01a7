using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Tests;

public sealed class RunningStatisticsTests
{
    [Fact]
    public void Merging_parts_equals_adding_everything()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 1000).Select(_ => (random.NextDouble() * 40) - 5).ToArray();
        var whole = Accumulate(values);

        foreach (var split in new[] { 1, 17, 500, 999 })
        {
            var merged = Accumulate(values[..split]);
            merged.Merge(Accumulate(values[split..]));
            Assert.Equal(whole.Count, merged.Count);
            AssertClose(whole.Mean, merged.Mean);
            AssertClose(whole.StandardDeviation, merged.StandardDeviation);
            Assert.Equal(whole.Min, merged.Min);
            Assert.Equal(whole.Max, merged.Max);
        }
    }

    [Fact]
    public void Standard_deviation_is_the_sample_deviation_of_a_two_pass_computation()
    {
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];
        var mean = values.Average();
        var expected = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));

        var statistics = Accumulate(values);

        Assert.Equal(5.0, statistics.Mean);
        AssertClose(expected, statistics.StandardDeviation);
    }

    [Fact]
    public void One_value_has_no_standard_deviation_and_merging_an_empty_part_changes_nothing()
    {
        var one = Accumulate([3.5]);
        Assert.True(double.IsNaN(one.StandardDeviation));

        var merged = one;
        merged.Merge(default);
        Assert.Equal(one, merged);

        var empty = default(RunningStatistics);
        empty.Merge(one);
        Assert.Equal(one, empty);
    }

    private static RunningStatistics Accumulate(IEnumerable<double> values)
    {
        var statistics = new RunningStatistics();
        foreach (var value in values)
        {
            statistics.Add(value);
        }

        return statistics;
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
