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

    internal void ShiftLines(long lineOffset)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] += lineOffset;
        }
    }

    internal void Merge(FeatureOccurrences other, long lineOffset)
    {
        lines.AddRange(other.lines.Select(line => line + lineOffset));
        lines.Sort();
        PromptCount += other.PromptCount;
    }
}
