namespace Reports.Analysis.Aggregation;

/// <summary>Where a feature's records stand in the prompts file: kept so repeats can be reported with both lines.</summary>
public sealed class FeatureOccurrences
{
    private readonly List<long> lines = [];

    public IReadOnlyList<long> Lines => lines;

    public long PromptCount { get; private set; }

    internal void Add(long line, long promptCount)
    {
        lines.Add(line);
        PromptCount += promptCount;
    }

    internal void Merge(FeatureOccurrences other)
    {
        lines.AddRange(other.lines);
        lines.Sort();
        PromptCount += other.PromptCount;
    }
}
