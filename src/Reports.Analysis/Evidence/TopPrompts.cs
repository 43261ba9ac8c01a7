namespace Reports.Analysis.Evidence;

/// <summary>
/// The k strongest prompts of a feature, kept in a k-sized heap while streaming (memory is k per feature, whatever the
/// number of prompts); mergeable, so parts of a file can be collected separately.
/// </summary>
public sealed class TopPrompts(int capacity)
{
    // The weakest kept prompt is at the top, so a stronger one replaces it in O(log k).
    private readonly PriorityQueue<TopPrompt, TopPrompt> heap = new(Comparer<TopPrompt>.Create((a, b) => TopPrompt.Compare(b, a)));

    public int Capacity { get; } = capacity;

    /// <summary>Whether a prompt of this activation would be kept (checked before building the prompt's record).</summary>
    public bool Admits(double activation) => heap.Count < Capacity || (heap.TryPeek(out var weakest, out _) && activation >= weakest.Activation);

    public void Add(TopPrompt prompt)
    {
        if (Capacity <= 0)
        {
            return;
        }

        if (heap.Count < Capacity)
        {
            heap.Enqueue(prompt, prompt);
        }
        else if (TopPrompt.Compare(prompt, heap.Peek()) < 0)
        {
            heap.DequeueEnqueue(prompt, prompt);
        }
    }

    /// <param name="lineOffset">Added to the other part's line numbers (its first line is this many lines into the file).</param>
    public void Merge(TopPrompts other, long lineOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (prompt, _) in other.heap.UnorderedItems)
        {
            Add(lineOffset == 0 ? prompt : prompt with { Line = prompt.Line + lineOffset });
        }
    }

    /// <summary>Replaces every kept prompt by what <paramref name="complete"/> makes of it (keeping the order's keys).</summary>
    public void Complete(Func<TopPrompt, TopPrompt> complete)
    {
        ArgumentNullException.ThrowIfNull(complete);
        var kept = heap.UnorderedItems.Select(i => complete(i.Element)).ToArray();
        heap.Clear();
        foreach (var prompt in kept)
        {
            heap.Enqueue(prompt, prompt);
        }
    }

    /// <summary>The kept prompts, strongest first.</summary>
    public IReadOnlyList<TopPrompt> Strongest() => [.. heap.UnorderedItems.Select(i => i.Element).Order(Comparer<TopPrompt>.Create(TopPrompt.Compare))];
}
