namespace Reports.Analysis.Aggregation;

/// <summary>
/// A feature's records in the prompts file: where they stand (so repeats can be reported with both lines), how many
/// prompts they hold, and the statistics of their activations per prompt label. One small object a feature: a
/// million-feature analysis holds a million of them.
/// </summary>
public sealed class FeatureTally
{
    // A feature has one record in well-formed data: its line is a field, and only repeats (RPT104) take a list.
    private long firstLine;
    private List<long>? laterLines;

    // In the order the labels first came; a feature has prompts of a few labels, so a search beats a table.
    private (string Label, RunningStatistics Statistics)[] cells = [];

    /// <summary>The lines of the feature's records, in file order.</summary>
    public IReadOnlyList<long> Lines => laterLines is null ? (firstLine == 0 ? [] : [firstLine]) : [firstLine, .. laterLines];

    public long PromptCount { get; private set; }

    /// <summary>The feature's labels with the statistics of their prompts' activations, in the order the labels came.</summary>
    public IReadOnlyList<(string Label, RunningStatistics Statistics)> Cells => cells;

    /// <summary>The statistics of the feature's prompts of <paramref name="label"/>; null when it has none.</summary>
    public RunningStatistics? StatisticsOf(string label)
    {
        var at = IndexOf(label);
        return at < 0 ? null : cells[at].Statistics;
    }

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

    /// <summary>The statistics of a label, added empty on first use.</summary>
    internal ref RunningStatistics Cell(string label)
    {
        var at = IndexOf(label);
        if (at < 0)
        {
            at = cells.Length;
            Array.Resize(ref cells, at + 1);
            cells[at].Label = label;
        }

        return ref cells[at].Statistics;
    }

    internal void ShiftLines(long lineOffset)
    {
        firstLine += lineOffset;
        for (var i = 0; i < laterLines?.Count; i++)
        {
            laterLines[i] += lineOffset;
        }
    }

    internal void Merge(FeatureTally other, long lineOffset)
    {
        var lines = Lines.Concat(other.Lines.Select(line => line + lineOffset)).Order().ToArray();
        firstLine = lines.Length > 0 ? lines[0] : 0;
        laterLines = lines.Length > 1 ? [.. lines[1..]] : null;
        PromptCount += other.PromptCount;
        foreach (var (label, statistics) in other.cells)
        {
            Cell(label).Merge(statistics);
        }
    }

    private int IndexOf(string label)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (string.Equals(cells[i].Label, label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
