using Reports.Analysis.Evidence;

namespace Reports.Analysis.Aggregation;

/// <summary>
/// What every output needs of a feature's records in the prompts file: where they stand (so repeats can be reported
/// with both lines, and a page's evidence read back), how many prompts they hold, the statistics of their activations
/// per prompt label, and the tokens the feature fires on most. One small object a feature: a million-feature analysis
/// holds a million of them, so the prompts themselves are never held (<see cref="Reading.FeatureEvidenceReader"/>).
/// </summary>
public sealed class FeatureTally
{
    // The table the tokens' numbers are in: the aggregate's, shared by all its features.
    private TokenTable tokenTable;

    /// <summary>Tokens kept per feature: the 20 that tokens.csv lists.</summary>
    public const int TokensKept = TopTokenList.Kept;

    // A feature has one record in well-formed data: its place is a field, and only repeats (RPT104) take a list.
    private RecordLocation firstRecord;
    private List<RecordLocation>? laterRecords;

    // In the order the labels first came; a feature has prompts of a few labels, so a search beats a table.
    private (string Label, RunningStatistics Statistics)[] cells = [];

    private HeldToken[] tokens = [];

    internal FeatureTally(TokenTable tokenTable) => this.tokenTable = tokenTable;

    /// <summary>The held tokens in their order, for a partial aggregate to carry them exactly.</summary>
    internal ReadOnlySpan<HeldToken> HeldTokens => tokens;

    internal string TokenText(int id) => tokenTable[id];

    /// <summary>A tally as a partial aggregate carried it: records, cells and held tokens in their order.</summary>
    internal static FeatureTally Restore(TokenTable table, IReadOnlyList<RecordLocation> records, (string Label, RunningStatistics Statistics)[] cells, HeldToken[] tokens)
    {
        var tally = new FeatureTally(table) { cells = cells, tokens = tokens };
        foreach (var record in records)
        {
            tally.Add(record);
        }

        return tally;
    }

    /// <summary>The lines of the feature's records, in file order.</summary>
    public IReadOnlyList<long> Lines => [.. Records.Select(r => r.Line)];

    /// <summary>Where the feature's records are in the prompts file, in file order.</summary>
    public IReadOnlyList<RecordLocation> Records => laterRecords is null ? (firstRecord.Line == 0 ? [] : [firstRecord]) : [firstRecord, .. laterRecords];

    /// <summary>The feature's prompts: each is in one label's cell, so their counts add up to it (no field of its own).</summary>
    public long PromptCount
    {
        get
        {
            long count = 0;
            foreach (var (_, statistics) in cells)
            {
                count += statistics.Count;
            }

            return count;
        }
    }

    /// <summary>The feature's labels with the statistics of their prompts' activations, in the order the labels came.</summary>
    public IReadOnlyList<(string Label, RunningStatistics Statistics)> Cells => cells;

    /// <summary>The statistics of the feature's prompts of <paramref name="label"/>; null when it has none.</summary>
    public RunningStatistics? StatisticsOf(string label)
    {
        var at = IndexOf(label);
        return at < 0 ? null : cells[at].Statistics;
    }

    /// <summary>The first <paramref name="count"/> of the tokens the feature fires on most (at most <see cref="TokensKept"/>): by occurrences, then by mean activation, then by text.</summary>
    public IReadOnlyList<TokenStatistics> TopTokens(int count) => TopTokenList.Top(tokens, tokenTable, count);

    internal void Add(RecordLocation record)
    {
        if (firstRecord.Line == 0)
        {
            firstRecord = record;
        }
        else
        {
            (laterRecords ??= []).Add(record);
        }
    }

    /// <summary>Adds one record's token tallies (see <see cref="TopTokenList.AddRecord"/>); the span is reordered.</summary>
    internal void AddRecordTokens(Span<(string Token, TokenTally Tally)> recordTokens) => TopTokenList.AddRecord(ref tokens, tokenTable, recordTokens);

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

    /// <summary>Moves the feature into another aggregate: its lines shifted, its tokens renumbered (<see cref="TokenTable.Translation"/>).</summary>
    internal void MoveTo(TokenTable table, int[] translation, long lineOffset, long byteOffset, int? source)
    {
        foreach (ref var token in tokens.AsSpan())
        {
            token.Id = translation[token.Id];
        }

        tokenTable = table;
        ShiftLines(lineOffset, byteOffset, source);
    }

    private void ShiftLines(long lineOffset, long byteOffset, int? source)
    {
        if (firstRecord.Line != 0)
        {
            firstRecord = Shift(firstRecord, lineOffset, byteOffset, source);
        }

        for (var i = 0; i < laterRecords?.Count; i++)
        {
            laterRecords[i] = Shift(laterRecords[i], lineOffset, byteOffset, source);
        }
    }

    /// <param name="translation">The other's token numbers in this one's table (<see cref="TokenTable.Translation"/>).</param>
    /// <param name="source">The file the other's records are in, when it counted them as file 0 (<see cref="RecordLocation.Source"/>).</param>
    internal void Merge(FeatureTally other, int[] translation, long lineOffset, long byteOffset, int? source)
    {
        var records = Records.Concat(other.Records.Select(r => Shift(r, lineOffset, byteOffset, source))).Order(Comparer<RecordLocation>.Create(RecordLocation.Compare)).ToArray();
        firstRecord = records.Length > 0 ? records[0] : default;
        laterRecords = records.Length > 1 ? [.. records[1..]] : null;
        foreach (var (label, statistics) in other.cells)
        {
            Cell(label).Merge(statistics);
        }

        var added = other.tokens.ToArray();
        foreach (ref var token in added.AsSpan())
        {
            token.Id = translation[token.Id];
        }

        TopTokenList.Merge(ref tokens, tokenTable, added);
    }

    private static RecordLocation Shift(RecordLocation record, long lineOffset, long byteOffset, int? source) =>
        record with { Line = record.Line + lineOffset, Offset = record.Offset + byteOffset, Source = source ?? record.Source };

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
