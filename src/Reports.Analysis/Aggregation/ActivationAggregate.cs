using System.Runtime.InteropServices;
using Reports.Analysis.Evidence;

namespace Reports.Analysis.Aggregation;

/// <summary>
/// The partial aggregate of a prompts file, or of any part of it: per (feature, prompt label) running
/// statistics of <c>prompt_feature_activation</c>, prompt counts per label, and per feature its
/// <see cref="FeatureTally"/> (where its records are, its top tokens). Aggregates of disjoint parts <see cref="Merge"/>
/// into the aggregate of the whole, so the work can be split over cores today and over machines later. The prompts
/// themselves are not kept: the few features that get a page have them read back from their records' places
/// (<see cref="Reading.FeatureEvidenceReader"/>).
/// </summary>
public sealed class ActivationAggregate
{
    private readonly Dictionary<string, long> labelCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<long, FeatureTally> features = [];
    private readonly TokenTable tokenTable = new();

    /// <summary>The (feature, label) cells, built on each call from the features' tallies (for inspection, not for loops).</summary>
    public IReadOnlyDictionary<FeatureLabel, RunningStatistics> Cells =>
        features.SelectMany(f => f.Value.Cells.Select(c => (Key: new FeatureLabel(f.Key, c.Label), c.Statistics))).ToDictionary(c => c.Key, c => c.Statistics);

    public IReadOnlyDictionary<string, long> LabelCounts => labelCounts;

    public IReadOnlyDictionary<long, FeatureTally> Features => features;

    /// <summary>Number of feature records (JSONL lines) added.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Number of active prompts added.</summary>
    public long PromptCount { get; private set; }

    /// <summary>
    /// Records the fast reader declined and the generated reader read (valid lines in a shape the fast reader does not
    /// take): it should be rare, and is counted so a run can say how rare.
    /// </summary>
    public long RecordsReadByGeneratedReader { get; private set; }

    internal void CountGeneratedReaderRecord() => RecordsReadByGeneratedReader++;

    /// <summary>
    /// Strings with a lone surrogate escape (<c>"\uD800"</c>: JSON, but no character), read as U+FFFD; and the line and
    /// column of the first, and the file it is in (<see cref="RecordLocation.Source"/>). Line 0 when there was none.
    /// </summary>
    public (long Count, int FirstSource, long FirstLine, long FirstColumn) ReplacedSurrogates { get; private set; }

    /// <summary>Counts what a generated reader replaced in the record it read at <paramref name="line"/>.</summary>
    internal void CountReplacedSurrogates(long count, long line, long column, int source = 0)
    {
        if (count > 0)
        {
            var (total, firstSource, firstLine, firstColumn) = ReplacedSurrogates;
            ReplacedSurrogates = total == 0 ? (count, source, line, column) : (total + count, firstSource, firstLine, firstColumn);
        }
    }

    /// <summary>Adds one feature record, found at <paramref name="location"/> of the prompts file.</summary>
    public void Add(FeatureRecord record, RecordLocation location)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordCount++;
        var tally = TallyOf(record.FeatureId);
        tally.Add(location);
        var recordTokens = new Dictionary<string, TokenTally>(StringComparer.Ordinal);
        foreach (var prompt in record.ActivePrompts)
        {
            AddPrompt(record.FeatureId, prompt.PromptLabel, prompt.PromptFeatureActivation);

            // "tokens" may be absent (the schema sample has such a prompt): the prompt still counts, without token data.
            foreach (var token in prompt.Tokens ?? [])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(recordTokens, token.Token, out _).Add(token.Activation);
            }
        }

        // The same way as the fast reader: the record's tokens together, so a feature's list is cut the same way.
        tally.AddRecordTokens([.. recordTokens.Select(t => (t.Key, t.Value))]);
    }

    /// <summary>Merges an aggregate of a disjoint part of the data into this one.</summary>
    /// <param name="lineOffset">
    /// Added to the other part's line numbers: a part read on its own counts its lines from 1, so a part that starts at
    /// line 1001 of the file is merged with an offset of 1000.
    /// </param>
    /// <param name="byteOffset">Added to the other part's record offsets: where the part starts in the file.</param>
    public void Merge(ActivationAggregate other, long lineOffset = 0, long byteOffset = 0) => MergePart(other, lineOffset, byteOffset, null, adopt: false);

    /// <summary>
    /// Merges a part that is thrown away afterwards, taking over its per-feature objects where this aggregate has none
    /// for the feature (each feature usually lives in one part): no copies, no garbage the size of the part. The part's
    /// offsets are the file's already.
    /// </summary>
    /// <param name="source">The file the part was read from, when it counted its records as file 0; null keeps the part's own.</param>
    internal void Absorb(ActivationAggregate part, long lineOffset, int? source = null) => MergePart(part, lineOffset, 0, source, adopt: true);

    private void MergePart(ActivationAggregate other, long lineOffset, long byteOffset, int? source, bool adopt)
    {
        ArgumentNullException.ThrowIfNull(other);
        RecordCount += other.RecordCount;
        PromptCount += other.PromptCount;
        RecordsReadByGeneratedReader += other.RecordsReadByGeneratedReader;
        if (other.ReplacedSurrogates.Count > 0)
        {
            // Parts are merged in file order: the first part with any holds the first.
            var (count, otherSource, line, column) = other.ReplacedSurrogates;
            CountReplacedSurrogates(count, line + lineOffset, column, source ?? otherSource);
        }
        foreach (var (label, count) in other.labelCounts)
        {
            labelCounts[label] = labelCounts.GetValueOrDefault(label) + count;
        }

        var translation = tokenTable.Translation(other.tokenTable);
        foreach (var (featureId, tally) in other.features)
        {
            if (adopt && !features.ContainsKey(featureId))
            {
                tally.MoveTo(tokenTable, translation, lineOffset, byteOffset, source);
                features.Add(featureId, tally);
            }
            else
            {
                TallyOf(featureId).Merge(tally, translation, lineOffset, byteOffset, source);
            }
        }
    }

    /// <summary>The table the features' token numbers are in.</summary>
    internal TokenTable Tokens => tokenTable;

    /// <summary>Sets what a partial aggregate carried beside its features: the counts and the first replaced surrogate.</summary>
    internal void RestoreCounts(long records, long prompts, long generatedReaderRecords, (long Count, long Line, long Column) replaced, IEnumerable<(string Label, long Count)> labels)
    {
        RecordCount = records;
        PromptCount = prompts;
        RecordsReadByGeneratedReader = generatedReaderRecords;
        ReplacedSurrogates = (replaced.Count, 0, replaced.Line, replaced.Column);
        foreach (var (label, count) in labels)
        {
            labelCounts[label] = count;
        }
    }

    /// <summary>Adds a feature's tally as a partial aggregate carried it.</summary>
    internal void Restore(long featureId, FeatureTally tally) => features.Add(featureId, tally);

    /// <summary>Counts a feature record (a JSONL line), for readers that add its prompts separately (<see cref="AddPrompts"/>).</summary>
    public void AddRecord(long featureId, RecordLocation location)
    {
        RecordCount++;
        TallyOf(featureId).Add(location);
    }

    /// <summary>Gives back the room the feature table grew into: a million features leave up to a million empty entries.</summary>
    internal void TrimExcess() => features.TrimExcess();

    /// <summary>Adds one prompt's activation under its label.</summary>
    public void AddPrompt(long featureId, string label, double activation)
    {
        PromptCount++;
        TallyOf(featureId).Cell(label).Add(activation);
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(labelCounts, label, out _);
        count++;
    }

    /// <summary>Adds one record's prompts of one label at once, their activations' statistics gathered by the caller.</summary>
    public void AddPrompts(long featureId, string label, in RunningStatistics activations)
    {
        PromptCount += activations.Count;
        TallyOf(featureId).Cell(label).Merge(activations);
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(labelCounts, label, out _);
        count += activations.Count;
    }

    /// <summary>The tally of a feature, created empty on first use.</summary>
    internal FeatureTally TallyOf(long featureId)
    {
        if (!features.TryGetValue(featureId, out var tally))
        {
            tally = new FeatureTally(tokenTable);
            features.Add(featureId, tally);
        }

        return tally;
    }
}
