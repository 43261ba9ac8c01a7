using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Evidence;

/// <summary>
/// What a feature's page shows beyond the heatmap: its strongest prompts, every activation per label (for the
/// distribution plot; eight bytes a prompt), and the tokens it fires on. Mergeable like the other partial aggregates.
/// </summary>
public sealed class FeatureEvidence(int topPromptCount)
{
    private readonly Dictionary<string, List<double>> activationsByLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunningStatistics> tokens = new(StringComparer.Ordinal);

    public TopPrompts TopPrompts { get; } = new(topPromptCount);

    public IReadOnlyDictionary<string, List<double>> ActivationsByLabel => activationsByLabel;

    public void Add(ActivePrompt prompt, long line)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        AddActivation(prompt.PromptLabel, prompt.PromptFeatureActivation);
        // "tokens" may be absent (the schema sample has such a prompt): the prompt still counts, without token data.
        foreach (var token in prompt.Tokens ?? [])
        {
            TokenStatisticsOf(token.Token).Add(token.Activation);
        }

        if (TopPrompts.Admits(prompt.PromptFeatureActivation))
        {
            TopPrompts.Add(new TopPrompt(prompt.PromptId, prompt.PromptLabel, prompt.PromptFeatureActivation, prompt.PromptText, prompt.TokenizedPrompt, prompt.Tokens ?? [], line));
        }
    }

    /// <summary>One prompt's activation under its label (for readers that do not build <see cref="ActivePrompt"/> records).</summary>
    public void AddActivation(string label, double activation)
    {
        if (!activationsByLabel.TryGetValue(label, out var values))
        {
            activationsByLabel[label] = values = [];
        }

        values.Add(activation);
    }

    /// <summary>The running statistics of one token text, found without allocating a string for a token seen before.</summary>
    public ref RunningStatistics TokenStatisticsOf(ReadOnlySpan<char> token) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tokens.GetAlternateLookup<ReadOnlySpan<char>>(), token, out _);

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
    }

    /// <summary>The tokens the feature fires on most: by occurrences, then by mean activation, then by text.</summary>
    public IReadOnlyList<TokenStatistics> TopTokens(int count) =>
        [.. tokens.Select(t => new TokenStatistics(t.Key, t.Value.Count, t.Value.Mean, t.Value.Max))
            .OrderByDescending(t => t.Occurrences).ThenByDescending(t => t.MeanActivation).ThenBy(t => t.Token, StringComparer.Ordinal)
            .Take(count)];
}
