using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Evidence;

/// <summary>
/// What a feature's page shows beyond the heatmap: its strongest prompts, every activation per label (for the
/// distribution plot; eight bytes a prompt), and the tokens it fires on. Mergeable like the other partial aggregates.
/// </summary>
/// <remarks>
/// Token statistics are cut to the <see cref="TokensKept"/> most frequent after each record, so memory per feature is
/// bounded. A feature has one record in well-formed data, and then its list is exact; when a feature has several
/// (warning RPT104), a token outside one record's top can be undercounted.
/// </remarks>
public sealed class FeatureEvidence(int topPromptCount, bool keepDistributions = true)
{
    /// <summary>Tokens kept per feature between records: the 20 that tokens.csv lists.</summary>
    public const int TokensKept = 20;

    private readonly Dictionary<string, List<double>> activationsByLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunningStatistics> tokens = new(StringComparer.Ordinal);

    public TopPrompts TopPrompts { get; } = new(topPromptCount);

    public IReadOnlyDictionary<string, List<double>> ActivationsByLabel => activationsByLabel;

    /// <summary>One prompt's activation and, if it is among the strongest, the prompt; its tokens come with the record's (<see cref="AddRecordTokens"/>).</summary>
    public void Add(ActivePrompt prompt, long line)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        AddActivation(prompt.PromptLabel, prompt.PromptFeatureActivation);
        if (TopPrompts.Admits(prompt.PromptFeatureActivation))
        {
            TopPrompts.Add(new TopPrompt(prompt.PromptId, prompt.PromptLabel, prompt.PromptFeatureActivation, prompt.PromptText, prompt.TokenizedPrompt, prompt.Tokens ?? [], line));
        }
    }

    /// <summary>One prompt's activation under its label (for readers that do not build <see cref="ActivePrompt"/> records).</summary>
    public void AddActivation(string label, double activation)
    {
        if (!keepDistributions)
        {
            return;
        }

        if (!activationsByLabel.TryGetValue(label, out var values))
        {
            activationsByLabel[label] = values = [];
        }

        values.Add(activation);
    }

    /// <summary>Adds an offset to the line numbers kept (a part read on its own, joining the whole).</summary>
    internal void ShiftLines(long lineOffset)
    {
        if (lineOffset != 0)
        {
            TopPrompts.Complete(prompt => prompt with { Line = prompt.Line + lineOffset });
        }
    }

    /// <param name="lineOffset">Added to the other part's line numbers.</param>
    public void Merge(FeatureEvidence other, long lineOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(other);
        TopPrompts.Merge(other.TopPrompts, lineOffset);
        foreach (var (label, values) in other.activationsByLabel)
        {
            if (!activationsByLabel.TryGetValue(label, out var mine))
            {
                activationsByLabel[label] = mine = [];
            }

            mine.AddRange(values);
        }

        foreach (var (token, statistics) in other.tokens)
        {
            ref var mine = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tokens, token, out _);
            mine.Merge(statistics);
        }

        EndRecord();
    }

    /// <summary>The tokens the feature fires on most: by occurrences, then by mean activation, then by text.</summary>
    public IReadOnlyList<TokenStatistics> TopTokens(int count) =>
        [.. tokens.Select(t => new TokenStatistics(t.Key, t.Value.Count, t.Value.Mean, t.Value.Max))
            .OrderByDescending(t => t.Occurrences).ThenByDescending(t => t.MeanActivation).ThenBy(t => t.Token, StringComparer.Ordinal)
            .Take(count)];

    /// <summary>
    /// Adds one record's token statistics, gathered by the caller in a dictionary it reuses, and ends the record:
    /// only the record's <see cref="TokensKept"/> most frequent tokens are copied, so no per-feature table ever holds
    /// the hundreds of tokens a record has.
    /// </summary>
    public void AddRecordTokens(IReadOnlyDictionary<string, RunningStatistics> recordTokens)
    {
        ArgumentNullException.ThrowIfNull(recordTokens);
        var top = recordTokens.Count <= TokensKept ? recordTokens : recordTokens
            .OrderByDescending(t => t.Value.Count).ThenByDescending(t => t.Value.Mean).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(TokensKept);
        foreach (var (token, statistics) in top)
        {
            ref var mine = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tokens, token, out _);
            mine.Merge(statistics);
        }

        EndRecord();
    }

    /// <summary>Drops all but the <see cref="TokensKept"/> most frequent tokens.</summary>
    private void EndRecord()
    {
        if (tokens.Count <= TokensKept)
        {
            return;
        }

        var kept = TopTokens(TokensKept).Select(t => t.Token).ToHashSet(StringComparer.Ordinal);
        foreach (var token in tokens.Keys.Where(t => !kept.Contains(t)).ToArray())
        {
            tokens.Remove(token);
        }

        // Removing does not shrink a dictionary: without this, every feature kept room for all its tokens.
        tokens.TrimExcess();
    }
}
