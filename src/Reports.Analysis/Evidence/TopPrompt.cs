namespace Reports.Analysis.Evidence;

/// <summary>One of a feature's strongest prompts, with what is needed to show it: its tokens and their activations.</summary>
public sealed record TopPrompt(long PromptId, string Label, double Activation, string Text, IReadOnlyList<string> TokenizedPrompt, IReadOnlyList<ActivePromptToken> Tokens, long Line)
{
    /// <summary>
    /// Where the prompt's JSON object is in the file, while its text and tokens are not read yet: a fast reader keeps
    /// a candidate's place and reads only the final k per feature (most candidates are pushed out again).
    /// </summary>
    public (long Offset, int Length)? Pending { get; init; }

    /// <summary>The prompt's place in its record's <c>active_prompts</c> (0-based): what tells apart a prompt given twice in one line.</summary>
    public int Index { get; init; }

    /// <summary>
    /// Orders prompts strongest first; ties by prompt id, then line, then place in the line, so every prompt has its
    /// own place and the choice and order are the same on every run and split.
    /// </summary>
    public static int Compare(TopPrompt a, TopPrompt b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byActivation = b.Activation.CompareTo(a.Activation);
        return byActivation != 0 ? byActivation
            : a.PromptId != b.PromptId ? a.PromptId.CompareTo(b.PromptId)
            : a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Index.CompareTo(b.Index);
    }
}
