namespace Reports.Analysis.Evidence;

/// <summary>One of a feature's strongest prompts, whole: what is needed to show it, its tokens and their activations.</summary>
/// <param name="Line">The line of the prompt's record in its prompts file.</param>
/// <param name="Index">The prompt's place in its record's <c>active_prompts</c> (0-based): what tells apart a prompt given twice in one line.</param>
/// <param name="Source">Which prompts file the record is in (<see cref="Aggregation.RecordLocation.Source"/>).</param>
public sealed record TopPrompt(long PromptId, string Label, double Activation, string Text, IReadOnlyList<string> TokenizedPrompt, IReadOnlyList<ActivePromptToken> Tokens, long Line, int Index, int Source = 0)
{
    /// <summary>
    /// Orders prompts strongest first; ties by prompt id, then file, line and place in the line, so every prompt has its
    /// own place and the choice and order are the same on every run.
    /// </summary>
    public static int Compare(TopPrompt a, TopPrompt b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byActivation = b.Activation.CompareTo(a.Activation);
        return byActivation != 0 ? byActivation
            : a.PromptId != b.PromptId ? a.PromptId.CompareTo(b.PromptId)
            : a.Source != b.Source ? a.Source.CompareTo(b.Source)
            : a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Index.CompareTo(b.Index);
    }
}
