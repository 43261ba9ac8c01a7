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
        if (!activationsByLabel.TryGetValue(prompt.PromptLabel, out var values))
        {
            activationsByLabel[prompt.PromptLabel] = values = [];
        }

        values.Add(prompt.PromptFeatureActivation);
        // "tokens" may be absent (the schema sample has such a prompt): the prompt still counts, without token data.
        foreach (var token in prompt.Tokens ?? [])
        {
            ref var statistics = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tokens, token.Token, out _);
            statistics.Add(token.Activation);
        }

        if (TopPrompts.Admits(prompt.PromptFeatureActivation))
        {
            TopPrompts.Add(new TopPrompt(prompt.PromptId, prompt.PromptLabel, prompt.PromptFeatureActivation, prompt.PromptText, prompt.TokenizedPrompt, prompt.Tokens ?? [], line));
        }
    }

    public void Merge(FeatureEvidence other)
    {
        ArgumentNullException.ThrowIfNull(other);
        TopPrompts.Merge(other.TopPrompts);
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
