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

    // Every prompt's activation with its label, in the order added: one list a feature, not a table and a list a label.
    private readonly List<(string Label, double Activation)> activations = [];
    // At most TokensKept between records, in TokenTally order: a list searched linearly beats a dictionary in time and memory.
    private readonly List<KeyValuePair<string, TokenTally>> tokens = [];

    public TopPrompts TopPrompts { get; } = new(topPromptCount);

    /// <summary>Every prompt's activation per label, in the order the prompts were added (built on each call).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> ActivationsByLabel =>
        activations.GroupBy(a => a.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<double>)[.. g.Select(a => a.Activation)], StringComparer.Ordinal);

    /// <summary>One prompt's activation and, if it is among the strongest, the prompt; its tokens come with the record's (<see cref="AddRecordTokens"/>).</summary>
    /// <param name="index">The prompt's place in its record's active_prompts.</param>
    public void Add(ActivePrompt prompt, long line, int index)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        AddActivation(prompt.PromptLabel, prompt.PromptFeatureActivation);
        if (TopPrompts.Admits(prompt.PromptFeatureActivation))
        {
            TopPrompts.Add(new TopPrompt(prompt.PromptId, prompt.PromptLabel, prompt.PromptFeatureActivation, prompt.PromptText, prompt.TokenizedPrompt, prompt.Tokens ?? [], line) { Index = index });
        }
    }

    /// <summary>One prompt's activation under its label (for readers that do not build <see cref="ActivePrompt"/> records).</summary>
    public void AddActivation(string label, double activation)
    {
        if (!keepDistributions)
        {
            return;
        }

        activations.Add((label, activation));
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
        activations.AddRange(other.activations);

        AddTokens(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(other.tokens));
    }

    /// <summary>The tokens the feature fires on most: by occurrences, then by mean activation, then by text.</summary>
    public IReadOnlyList<TokenStatistics> TopTokens(int count)
    {
        var top = new TokenStatistics[Math.Min(count, tokens.Count)];
        for (var i = 0; i < top.Length; i++)
        {
            var (token, tally) = tokens[i];
            top[i] = new TokenStatistics(token, tally.Count, tally.Mean, tally.Max);
        }

        return top;
    }

    /// <summary>
    /// Adds one record's token tallies and ends the record: only the record's <see cref="TokensKept"/> first in
    /// <see cref="TokenTally.Compare"/> order are kept, so no per-feature table ever holds the hundreds of tokens a
    /// record has. The span is reordered.
    /// </summary>
    public void AddRecordTokens(Span<KeyValuePair<string, TokenTally>> recordTokens)
    {
        if (recordTokens.Length > TokensKept)
        {
            // The first TokensKept, sorted, at the front: most tokens cost one comparison with the last one kept.
            var kept = recordTokens[..TokensKept];
            kept.Sort(ByTokenOrder);
            foreach (var candidate in recordTokens[TokensKept..])
            {
                if (ByTokenOrder(candidate, kept[^1]) < 0)
                {
                    var at = kept.Length - 1;
                    while (at > 0 && ByTokenOrder(candidate, kept[at - 1]) < 0)
                    {
                        at--;
                    }

                    kept[at..^1].CopyTo(kept[(at + 1)..]);
                    kept[at] = candidate;
                }
            }

            recordTokens = kept;
        }

        AddTokens(recordTokens);
    }

    private void AddTokens(ReadOnlySpan<KeyValuePair<string, TokenTally>> added)
    {
        tokens.EnsureCapacity(tokens.Count + added.Length);
        foreach (var (token, tally) in added)
        {
            var at = IndexOf(token);
            if (at < 0)
            {
                tokens.Add(new(token, tally));
            }
            else
            {
                var mine = tokens[at].Value;
                mine.Merge(tally);
                tokens[at] = new(token, mine);
            }
        }

        // Kept in order, so the top tokens are read off the front; all but the TokensKept first are dropped.
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens).Sort(ByTokenOrder);
        if (tokens.Count > TokensKept)
        {
            tokens.RemoveRange(TokensKept, tokens.Count - TokensKept);
        }

        // A list per feature, a million features: no room left over between records.
        tokens.Capacity = tokens.Count;
    }

    private int IndexOf(string token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (string.Equals(tokens[i].Key, token, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ByTokenOrder(KeyValuePair<string, TokenTally> x, KeyValuePair<string, TokenTally> y) =>
        TokenTally.Compare(x.Key, x.Value, y.Key, y.Value);
}
