namespace Reports.Analysis.Aggregation;

/// <summary>
/// Count, sum, minimum, maximum and the sum of squared deviations (M2) of a stream of values, updated one
/// value at a time (Welford) and mergeable (Chan et al.), so partial results from several threads or
/// machines combine into exactly what one pass over all values gives. The sum is compensated (Kahan), as pandas'
/// groupby mean sums, so a mean is the notebook's double itself, not one a bit away: its texts (":.4f") then agree
/// even where the value sits at a rounding tie.
/// </summary>
public struct RunningStatistics : IEquatable<RunningStatistics>
{
    private double runningMean;

    /// <summary>What the last additions to <see cref="Sum"/> lost to rounding (Kahan's compensation).</summary>
    private double compensation;

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    /// <summary>Sum of squared deviations from the mean.</summary>
    public double M2 { get; private set; }

    /// <summary>The arithmetic mean, computed like pandas: sum over count. NaN when empty.</summary>
    public readonly double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Sample standard deviation (ddof = 1, pandas' default); NaN for fewer than two values.</summary>
    public readonly double StandardDeviation => Count < 2 ? double.NaN : Math.Sqrt(M2 / (Count - 1));

    /// <summary>The state itself, running mean and compensation included, for a partial aggregate to carry it exactly.</summary>
    internal readonly (long Count, double Sum, double Compensation, double Min, double Max, double M2, double RunningMean) Parts =>
        (Count, Sum, compensation, Min, Max, M2, runningMean);

    /// <summary>The statistics whose <see cref="Parts"/> these are.</summary>
    internal static RunningStatistics FromParts(long count, double sum, double compensation, double min, double max, double m2, double runningMean) =>
        new() { Count = count, Sum = sum, compensation = compensation, Min = min, Max = max, M2 = m2, runningMean = runningMean };

    public void Add(double value)
    {
        if (Count == 0)
        {
            Min = value;
            Max = value;
        }
        else
        {
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
        }

        Count++;
        AddToSum(value);
        var delta = value - runningMean;
        runningMean += delta / Count;
        M2 += delta * (value - runningMean);
    }

    public void Merge(in RunningStatistics other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if (Count == 0)
        {
            this = other;
            return;
        }

        var count = Count + other.Count;
        var delta = other.runningMean - runningMean;
        M2 += other.M2 + (delta * delta * Count * other.Count / count);
        runningMean += delta * other.Count / count;
        AddToSum(other.Sum - other.compensation);
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
        Count = count;
    }

    /// <summary>pandas' group_mean step: y = value - c; t = sum + y; c = (t - sum) - y; sum = t.</summary>
    private void AddToSum(double value)
    {
        var y = value - compensation;
        var t = Sum + y;
        compensation = t - Sum - y;
        Sum = t;
    }

    public readonly bool Equals(RunningStatistics other) =>
        Count == other.Count && Sum.Equals(other.Sum) && Min.Equals(other.Min) && Max.Equals(other.Max) && M2.Equals(other.M2);

    public override readonly bool Equals(object? obj) => obj is RunningStatistics other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(Count, Sum, Min, Max, M2);

    public static bool operator ==(RunningStatistics left, RunningStatistics right) => left.Equals(right);

    public static bool operator !=(RunningStatistics left, RunningStatistics right) => !left.Equals(right);
}
