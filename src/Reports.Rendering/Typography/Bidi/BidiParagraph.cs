using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// One paragraph of the text (rule P1 ends a paragraph after each paragraph separator): the state the rules read
/// and write, indexed by code point from the paragraph's start. Paragraphs are resolved independently.
/// </summary>
internal readonly ref struct BidiParagraph
{
    /// <summary>The paragraph's code points.</summary>
    public required ReadOnlySpan<int> CodePoints { get; init; }

    /// <summary>Their Bidi_Class values, unchanged: the rules that look at the original class read these.</summary>
    public required ReadOnlySpan<BidiClass> Classes { get; init; }

    /// <summary>Their types as rules X1-N2 change them.</summary>
    public required Span<BidiClass> Types { get; init; }

    /// <summary>Their embedding levels: explicit after X1-X8, resolved after I1-I2, per line after L1.</summary>
    public required Span<byte> Levels { get; init; }

    /// <summary>The matching PDI of each isolate initiator and the initiator of each PDI (BD9), -1 when unmatched.</summary>
    public required Span<int> IsolatePartners { get; init; }

    /// <summary>The paragraph embedding level.</summary>
    public required byte Level { get; init; }

    /// <summary>How many code points the paragraph has.</summary>
    public int Length => Classes.Length;

    /// <summary>Whether rule X9 removes the character: embeddings, overrides, their pops and boundary neutrals take no part in X10-I2.</summary>
    public bool IsRemoved(int index) => Classes[index] is RLE or LRE or RLO or LRO or PDF or BN;

    /// <summary>Whether the character is an isolate initiator (LRI, RLI or FSI), whatever an override made its type.</summary>
    public bool IsIsolateInitiator(int index) => Classes[index] is LRI or RLI or FSI;
}
