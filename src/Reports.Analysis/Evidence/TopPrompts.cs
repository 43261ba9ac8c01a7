namespace Reports.Analysis.Evidence;

/// <summary>
/// The k strongest prompts of a feature while its records are read back, kept as an array sorted strongest first
/// (k is small): a prompt outside the k costs one comparison, and its record is built only if it gets in.
/// </summary>
internal sealed class TopPrompts(int capacity)
{
    private readonly TopPrompt[] kept = new TopPrompt[Math.Max(0, capacity)];
    private int count;

    /// <summary>Whether a prompt of this activation could be kept (checked before building the prompt's record).</summary>
    public bool Admits(double activation) => kept.Length > 0 && (count < kept.Length || activation >= kept[count - 1].Activation);

    public void Add(TopPrompt prompt)
    {
        if (kept.Length == 0 || (count == kept.Length && TopPrompt.Compare(prompt, kept[count - 1]) >= 0))
        {
            return;
        }

        var at = count < kept.Length ? count++ : count - 1;
        while (at > 0 && TopPrompt.Compare(prompt, kept[at - 1]) < 0)
        {
            kept[at] = kept[at - 1];
            at--;
        }

        kept[at] = prompt;
    }

    /// <summary>The kept prompts, strongest first.</summary>
    public TopPrompt[] Strongest() => kept.AsSpan(0, count).ToArray();
}
