namespace Reports.Analysis.Evidence;

/// <summary>
/// The k strongest prompts of a feature while streaming (memory is k per feature, whatever the number of prompts);
/// mergeable, so parts of a file can be collected separately. Kept as an array sorted strongest first: k is small, and
/// a million features cannot afford a priority queue and its comparer each.
/// </summary>
public sealed class TopPrompts(int capacity)
{
    private TopPrompt[] kept = [];
    private int count;

    public int Capacity { get; } = capacity;

    /// <summary>Whether a prompt of this activation would be kept (checked before building the prompt's record).</summary>
    public bool Admits(double activation) => Capacity > 0 && (count < Capacity || activation >= kept[count - 1].Activation);

    public void Add(TopPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (Capacity <= 0 || (count == Capacity && TopPrompt.Compare(prompt, kept[count - 1]) >= 0))
        {
            return;
        }

        if (count == kept.Length)
        {
            // Grows to the capacity in two steps: most features have fewer prompts than k, or exactly one record of them.
            Array.Resize(ref kept, Math.Min(Capacity, Math.Max(count * 2, Math.Min(Capacity, 2))));
        }

        var at = count < Capacity ? count++ : count - 1;
        while (at > 0 && TopPrompt.Compare(prompt, kept[at - 1]) < 0)
        {
            kept[at] = kept[at - 1];
            at--;
        }

        kept[at] = prompt;
    }

    /// <param name="lineOffset">Added to the other part's line numbers (its first line is this many lines into the file).</param>
    public void Merge(TopPrompts other, long lineOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < other.count; i++)
        {
            var prompt = other.kept[i];
            Add(lineOffset == 0 ? prompt : prompt with { Line = prompt.Line + lineOffset });
        }
    }

    /// <summary>Replaces every kept prompt by what <paramref name="complete"/> makes of it (keeping the order's keys).</summary>
    public void Complete(Func<TopPrompt, TopPrompt> complete)
    {
        ArgumentNullException.ThrowIfNull(complete);
        for (var i = 0; i < count; i++)
        {
            kept[i] = complete(kept[i]);
        }
    }

    /// <summary>The kept prompts, strongest first.</summary>
    public IReadOnlyList<TopPrompt> Strongest() => kept.AsSpan(0, count).ToArray();
}
