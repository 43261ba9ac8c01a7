using System.Runtime.InteropServices;
using Reports.Analysis.Evidence;

namespace Reports.Analysis.Aggregation;

/// <summary>
/// The partial aggregate of a prompts file, or of any part of it: per (feature, prompt label) running
/// statistics of <c>prompt_feature_activation</c>, prompt counts per label, and where each feature's
/// records were seen. Aggregates of disjoint parts <see cref="Merge"/> into the aggregate of the whole,
/// so the work can be split over cores today and over machines later. It also collects each feature's
/// <see cref="FeatureEvidence"/> (strongest prompts, activations per label, tokens) for the feature pages.
/// </summary>
/// <param name="topPromptCount">How many of its strongest prompts each feature keeps.</param>
/// <param name="keepDistributions">Whether each feature keeps every prompt's activation per label (for its page's plot).</param>
public sealed class ActivationAggregate(int topPromptCount = ActivationAggregate.DefaultTopPromptCount, bool keepDistributions = true)
{
    public const int DefaultTopPromptCount = 5;

    private readonly Dictionary<long, FeatureEvidence> evidence = [];
    private readonly Dictionary<string, long> labelCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<long, FeatureTally> features = [];

    /// <summary>The (feature, label) cells, built on each call from the features' tallies (for inspection, not for loops).</summary>
    public IReadOnlyDictionary<FeatureLabel, RunningStatistics> Cells =>
        features.SelectMany(f => f.Value.Cells.Select(c => (Key: new FeatureLabel(f.Key, c.Label), c.Statistics))).ToDictionary(c => c.Key, c => c.Statistics);

    public IReadOnlyDictionary<string, long> LabelCounts => labelCounts;

    public IReadOnlyDictionary<long, FeatureTally> Features => features;

    public IReadOnlyDictionary<long, FeatureEvidence> Evidence => evidence;

    public int TopPromptCount { get; } = topPromptCount;

    public bool KeepsDistributions { get; } = keepDistributions;

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
    /// column of the first. Line 0 when there was none.
    /// </summary>
    public (long Count, long FirstLine, long FirstColumn) ReplacedSurrogates { get; private set; }

    /// <summary>Counts what a generated reader replaced in the record it read at <paramref name="line"/>.</summary>
    internal void CountReplacedSurrogates(long count, long line, long column)
    {
        if (count > 0)
        {
            var (total, firstLine, firstColumn) = ReplacedSurrogates;
            ReplacedSurrogates = total == 0 ? (count, line, column) : (total + count, firstLine, firstColumn);
        }
    }

    /// <summary>Adds one feature record, found at <paramref name="line"/> of the prompts file.</summary>
    public void Add(FeatureRecord record, long line)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordCount++;
        TallyOf(record.FeatureId).Add(line, record.ActivePrompts.Count);
        var featureEvidence = EvidenceOf(record.FeatureId);
        var recordTokens = new Dictionary<string, TokenTally>(StringComparer.Ordinal);
        for (var index = 0; index < record.ActivePrompts.Count; index++)
        {
            var prompt = record.ActivePrompts[index];
            AddPrompt(record.FeatureId, prompt.PromptLabel, prompt.PromptFeatureActivation);
            featureEvidence.Add(prompt, line, index);

            // "tokens" may be absent (the schema sample has such a prompt): the prompt still counts, without token data.
            foreach (var token in prompt.Tokens ?? [])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(recordTokens, token.Token, out _).Add(token.Activation);
            }
        }

        // The same way as the fast reader: the record's tokens together, so a feature's list is cut the same way.
        featureEvidence.AddRecordTokens(recordTokens.ToArray());
    }

    /// <summary>Merges an aggregate of a disjoint part of the data into this one.</summary>
    /// <param name="lineOffset">
    /// Added to the other part's line numbers: a part read on its own counts its lines from 1, so a part that starts at
    /// line 1001 of the file is merged with an offset of 1000.
    /// </param>
    public void Merge(ActivationAggregate other, long lineOffset = 0) => MergePart(other, lineOffset, adopt: false);

    /// <summary>
    /// Merges a part that is thrown away afterwards, taking over its per-feature objects where this aggregate has none
    /// for the feature (each feature usually lives in one part): no copies, no garbage the size of the part.
    /// </summary>
    internal void Absorb(ActivationAggregate part, long lineOffset) => MergePart(part, lineOffset, adopt: true);

    private void MergePart(ActivationAggregate other, long lineOffset, bool adopt)
    {
        ArgumentNullException.ThrowIfNull(other);
        RecordCount += other.RecordCount;
        PromptCount += other.PromptCount;
        RecordsReadByGeneratedReader += other.RecordsReadByGeneratedReader;
        if (other.ReplacedSurrogates.Count > 0)
        {
            // Parts are merged in file order: the first part with any holds the first.
            var (count, line, column) = other.ReplacedSurrogates;
            CountReplacedSurrogates(count, line + lineOffset, column);
        }
        foreach (var (label, count) in other.labelCounts)
        {
            labelCounts[label] = labelCounts.GetValueOrDefault(label) + count;
        }

        foreach (var (featureId, tally) in other.features)
        {
            if (adopt && !features.ContainsKey(featureId))
            {
                tally.ShiftLines(lineOffset);
                features.Add(featureId, tally);
            }
            else
            {
                TallyOf(featureId).Merge(tally, lineOffset);
            }
        }

        foreach (var (featureId, featureEvidence) in other.evidence)
        {
            if (adopt && !evidence.ContainsKey(featureId))
            {
                featureEvidence.ShiftLines(lineOffset);
                evidence.Add(featureId, featureEvidence);
            }
            else
            {
                EvidenceOf(featureId).Merge(featureEvidence, lineOffset);
            }
        }
    }

    /// <summary>Counts a feature record (a JSONL line) with its number of prompts, for readers that add prompts one by one.</summary>
    public void AddRecord(long featureId, long promptCount, long line)
    {
        RecordCount++;
        TallyOf(featureId).Add(line, promptCount);
    }

    /// <summary>Adds one prompt's activation under its label (the evidence is added separately, see <see cref="EvidenceOf"/>).</summary>
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

    /// <summary>The evidence collected for a feature, created empty on first use.</summary>
    public FeatureEvidence EvidenceOf(long featureId)
    {
        if (!evidence.TryGetValue(featureId, out var featureEvidence))
        {
            featureEvidence = new FeatureEvidence(TopPromptCount, KeepsDistributions);
            evidence.Add(featureId, featureEvidence);
        }

        return featureEvidence;
    }

    private FeatureTally TallyOf(long featureId)
    {
        if (!features.TryGetValue(featureId, out var tally))
        {
            tally = new FeatureTally();
            features.Add(featureId, tally);
        }

        return tally;
    }
}
