namespace Reports.Analysis.Evidence;

/// <summary>
/// How often a feature fired on one token text, the sum and the largest of those activations: all that
/// <see cref="TokenStatistics"/> reports, kept in three fields because it is updated for every token of every prompt.
/// Mergeable: tallies of disjoint parts add up to the tally of the whole.
/// </summary>
public struct TokenTally
{
    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double Max { get; private set; }

    /// <summary>Sum over count, as the notebook's mean is computed.</summary>
    public readonly double Mean => Sum / Count;

    public void Add(double activation)
    {
        Max = Count == 0 ? activation : Math.Max(Max, activation);
        Count++;
        Sum += activation;
    }

    public void Merge(in TokenTally other)
    {
        if (other.Count == 0)
        {
            return;
        }

        Max = Count == 0 ? other.Max : Math.Max(Max, other.Max);
        Count += other.Count;
        Sum += other.Sum;
    }

    /// <summary>
    /// The order of the tokens a feature fires on most: more occurrences first, then the higher mean, then the text
    /// (ordinal). Every cut of a token list uses it, so the fast and the generated reader keep the same tokens.
    /// </summary>
    public static int Compare(string token, in TokenTally tally, string otherToken, in TokenTally other)
    {
        var byCount = other.Count.CompareTo(tally.Count);
        if (byCount != 0)
        {
            return byCount;
        }

        var byMean = other.Mean.CompareTo(tally.Mean);
        return byMean != 0 ? byMean : string.CompareOrdinal(token, otherToken);
    }
}
