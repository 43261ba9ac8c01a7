namespace Reports.Bench;

/// <summary>A contender's runs on one workload, or why it could not run; the table shows medians.</summary>
public sealed class ContenderResult(Contender contender, Workload workload)
{
    public Contender Contender { get; } = contender;

    public Workload Workload { get; } = workload;

    public List<Measurement> Runs { get; } = [];

    public string? Failure { get; set; }

    public bool Succeeded => Failure is null && Runs.Count > 0;

    public double MedianWallSeconds => Median(Runs.Select(r => r.WallSeconds));

    public double MedianMaxRssKilobytes => Median(Runs.Select(r => (double)r.MaxRssKilobytes));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
