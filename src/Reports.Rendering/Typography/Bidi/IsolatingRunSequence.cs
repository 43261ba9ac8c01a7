using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Definition BD13: the characters rules W1-N2 resolve together, the level runs of one embedding level chained
/// across isolates (so the text on both sides of an isolate sees each other, not the isolate's content), without the
/// characters X9 removed. Types are a contiguous copy so that rules look at neighbours directly.
/// </summary>
internal readonly ref struct IsolatingRunSequence
{
    /// <summary>The paragraph index of each character of the sequence, ascending.</summary>
    public required ReadOnlySpan<int> Indices { get; init; }

    /// <summary>The type of each character, changed in place by the rules.</summary>
    public required Span<BidiClass> Types { get; init; }

    /// <summary>The paragraph the characters come from.</summary>
    public required BidiParagraph Paragraph { get; init; }

    /// <summary>The embedding level every character of the sequence has.</summary>
    public required byte Level { get; init; }

    /// <summary>sos: the direction before the sequence (L or R), from the higher of its level and the level before it.</summary>
    public required BidiClass Start { get; init; }

    /// <summary>eos: the direction after the sequence (L or R).</summary>
    public required BidiClass End { get; init; }

    /// <summary>How many characters the sequence has.</summary>
    public int Length => Indices.Length;

    /// <summary>The embedding direction: L for an even level, R for an odd one.</summary>
    public BidiClass EmbeddingDirection => (Level & 1) == 0 ? L : R;

    /// <summary>The character's class before any rule changed it.</summary>
    public BidiClass OriginalClass(int position) => Paragraph.Classes[Indices[position]];

    /// <summary>The character's code point.</summary>
    public int CodePoint(int position) => Paragraph.CodePoints[Indices[position]];
}
