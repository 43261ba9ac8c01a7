namespace Reports.Analysis.Evidence;

/// <summary>
/// The tokens a feature fires on most, most frequent first (<see cref="TokenTally.Compare"/>), at most
/// <see cref="Kept"/>: held for every feature, because tokens.csv lists them all, in one right-sized array a feature
/// (a million features hold one each, so no list or object around it), the texts by number in a <see cref="TokenTable"/>.
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
    public static IReadOnlyList<TokenStatistics> Top(HeldToken[] tokens, TokenTable table, int count)
    {
        var top = new TokenStatistics[Math.Clamp(count, 0, tokens.Length)];
        for (var i = 0; i < top.Length; i++)
        {
            var token = tokens[i];
            top[i] = new TokenStatistics(table[token.Id], token.Count, token.Mean, token.Max);
        }

        return top;
    }

    /// <summary>
    /// Adds one record's token tallies to a feature's list: only the record's <see cref="Kept"/> first are kept, so no
    /// feature ever holds (or numbers) the hundreds of tokens a record has. The span is reordered.
    /// </summary>
    public static void AddRecord(ref HeldToken[] tokens, TokenTable table, Span<(string Token, TokenTally Tally)> recordTokens)
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

        Span<HeldToken> held = stackalloc HeldToken[recordTokens.Length];
        for (var i = 0; i < held.Length; i++)
        {
            held[i] = HeldToken.From(table.Intern(recordTokens[i].Token), recordTokens[i].Tally);
        }

        Merge(ref tokens, table, held);
    }

    /// <summary>Adds tokens of another record or part (a list already cut, numbered in the same table) to a feature's list.</summary>
    public static void Merge(ref HeldToken[] tokens, TokenTable table, ReadOnlySpan<HeldToken> added)
    {
        var merged = new HeldToken[tokens.Length + added.Length];
        tokens.CopyTo(merged, 0);
        var count = tokens.Length;
        foreach (var token in added)
        {
            var at = count - 1;
            while (at >= 0 && merged[at].Id != token.Id)
            {
                at--;
            }

            if (at < 0)
            {
                merged[count++] = token;
            }
            else
            {
                merged[at].Merge(token);
            }
        }

        merged.AsSpan(0, count).Sort((x, y) => Compare(x, y, table));
        tokens = count == merged.Length && count <= Kept ? merged : merged[..Math.Min(count, Kept)];
    }

    /// <summary><see cref="TokenTally.Compare"/> on held tokens: more occurrences first, then the higher mean, then the text.</summary>
    private static int Compare(in HeldToken x, in HeldToken y, TokenTable table)
    {
        var byCount = y.Count.CompareTo(x.Count);
        if (byCount != 0)
        {
            return byCount;
        }

        var byMean = y.Mean.CompareTo(x.Mean);
        return byMean != 0 ? byMean : string.CompareOrdinal(table[x.Id], table[y.Id]);
    }

    private static int ByTokenOrder((string Token, TokenTally Tally) x, (string Token, TokenTally Tally) y) =>
        TokenTally.Compare(x.Token, x.Tally, y.Token, y.Tally);
}
