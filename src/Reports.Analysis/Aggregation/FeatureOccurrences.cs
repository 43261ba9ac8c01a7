namespace Reports.Analysis.Aggregation;

/// <summary>Where a feature's records stand in the prompts file: kept so repeats can be reported with both lines.</summary>
public sealed class FeatureOccurrences
{
    // A feature has one record in well-formed data: its line is a field, and only repeats (RPT104) take a list.
    private long firstLine;
    private List<long>? laterLines;

    /// <summary>The lines of the feature's records, in file order.</summary>
    public IReadOnlyList<long> Lines => laterLines is null ? (firstLine == 0 ? [] : [firstLine]) : [firstLine, .. laterLines];

    public long PromptCount { get; private set; }

    internal void Add(long line, long promptCount)
    {
        if (firstLine == 0)
        {
            firstLine = line;
        }
        else
        {
            (laterLines ??= []).Add(line);
        }

        PromptCount += promptCount;
    }

    internal void ShiftLines(long lineOffset)
    {
        firstLine += lineOffset;
        for (var i = 0; i < laterLines?.Count; i++)
        {
            laterLines[i] += lineOffset;
        }
    }

    internal void Merge(FeatureOccurrences other, long lineOffset)
    {
        var lines = Lines.Concat(other.Lines.Select(line => line + lineOffset)).Order().ToArray();
        firstLine = lines.Length > 0 ? lines[0] : 0;
        laterLines = lines.Length > 1 ? [.. lines[1..]] : null;
        PromptCount += other.PromptCount;
    }
}
