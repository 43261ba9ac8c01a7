namespace Reports.Analysis.Evidence;

/// <summary>
/// One of a feature's top tokens as the aggregate holds it: its text's number in the aggregate's <see cref="TokenTable"/>
/// and its tally, in 24 bytes (a <see cref="TokenTally"/> beside a string would take 32).
/// </summary>
internal struct HeldToken
{
    public int Id;

    /// <summary>Occurrences; a feature's own tokens, so an int (checked where it is added up).</summary>
    public int Count;

    public double Sum;

    public double Max;

    /// <summary>Sum over count, as <see cref="TokenTally.Mean"/> computes it.</summary>
    public readonly double Mean => Sum / Count;

    public static HeldToken From(int id, in TokenTally tally) =>
        new() { Id = id, Count = checked((int)tally.Count), Sum = tally.Sum, Max = tally.Max };

    /// <summary>Adds the tally of the same token from another record or part, as <see cref="TokenTally.Merge"/> does.</summary>
    public void Merge(in HeldToken other)
    {
        if (other.Count == 0)
        {
            return;
        }

        Max = Count == 0 ? other.Max : Math.Max(Max, other.Max);
        Count = checked(Count + other.Count);
        Sum += other.Sum;
    }
}
