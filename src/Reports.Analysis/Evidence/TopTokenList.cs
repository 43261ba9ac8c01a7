namespace Reports.Analysis.Evidence;

/// <summary>
/// The tokens a feature fires on most, most frequent first (<see cref="TokenTally.Compare"/>), at most
/// <see cref="Kept"/>: held for every feature, because tokens.csv lists them all, in one right-sized array a feature
/// (a million features hold one each, so no list or object around it).
/// </summary>
/// <remarks>
/// The list is cut to <see cref="Kept"/> after each record. A feature has one record in well-formed data, and then its
/// list is exact; when a feature has several (warning RPT104), a token outside one record's top can be undercounted.
/// </remarks>
internal static class TopTokenList
{
    /// <summary>Tokens kept per feature between records: the 20 that tokens.csv lists.</summary>
    public const int Kept = 20;

    /// <summary>The first <paramref name="count"/> tokens (or all) of a list.</summary>
    public static IReadOnlyList<TokenStatistics> Top((string Token, TokenTally Tally)[] tokens, int count)
    {
        var top = new TokenStatistics[Math.Clamp(count, 0, tokens.Length)];
        for (var i = 0; i < top.Length; i++)
        {
            var (token, tally) = tokens[i];
            top[i] = new TokenStatistics(token, tally.Count, tally.Mean, tally.Max);
        }

        return top;
    }

    /// <summary>
    /// Adds one record's token tallies to a feature's list: only the record's <see cref="Kept"/> first are kept, so no
    /// feature ever holds the hundreds of tokens a record has. The span is reordered.
    /// </summary>
    public static void AddRecord(ref (string Token, TokenTally Tally)[] tokens, Span<(string Token, TokenTally Tally)> recordTokens)
    {
        if (recordTokens.Length > Kept)
        {
            // The first Kept, sorted, at the front: most tokens cost one comparison with the last one kept.
            var kept = recordTokens[..Kept];
            kept.Sort(ByTokenOrder);
            foreach (var candidate in recordTokens[Kept..])
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

        Merge(ref tokens, recordTokens);
    }

    /// <summary>Adds tokens of another record or part (a list already cut) to a feature's list.</summary>
    public static void Merge(ref (string Token, TokenTally Tally)[] tokens, ReadOnlySpan<(string Token, TokenTally Tally)> added)
    {
        if (tokens.Length == 0)
        {
            // The usual case, a feature's one record: the record's list, sorted, is the feature's.
            tokens = added.ToArray();
            tokens.AsSpan().Sort(ByTokenOrder);
            return;
        }

        var merged = new List<(string Token, TokenTally Tally)>(tokens.Length + added.Length);
        merged.AddRange(tokens);
        foreach (var (token, tally) in added)
        {
            var at = merged.FindIndex(t => string.Equals(t.Token, token, StringComparison.Ordinal));
            if (at < 0)
            {
                merged.Add((token, tally));
            }
            else
            {
                var mine = merged[at].Tally;
                mine.Merge(tally);
                merged[at] = (token, mine);
            }
        }

        merged.Sort(ByTokenOrder);
        tokens = [.. merged.Take(Kept)];
    }

    private static int ByTokenOrder((string Token, TokenTally Tally) x, (string Token, TokenTally Tally) y) =>
        TokenTally.Compare(x.Token, x.Tally, y.Token, y.Tally);
}
