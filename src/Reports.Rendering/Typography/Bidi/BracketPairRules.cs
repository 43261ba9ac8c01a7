using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Definition BD16 and rule N0: brackets that pair up take the direction of the text inside them, or of the context
/// before them when only the other direction is inside, so that both brackets of a pair end up on the same side.
/// </summary>
internal static class BracketPairRules
{
    /// <summary>BD16's bracket stack depth: an opening bracket beyond it ends the pairing for the sequence.</summary>
    private const int MaxOpenBrackets = 63;

    /// <summary>Resolves the sequence's bracket pairs; <paramref name="pairs"/> is scratch space for them.</summary>
    public static void Apply(in IsolatingRunSequence sequence, Span<long> pairs)
    {
        var count = FindPairs(sequence, pairs);
        if (count == 0)
        {
            return;
        }
        pairs = pairs[..count];
        pairs.Sort();
        var types = sequence.Types;
        var embedding = sequence.EmbeddingDirection;
        foreach (var pair in pairs)
        {
            var opening = (int)(pair >> 32);
            var closing = (int)pair;
            var direction = DirectionInside(types, opening, closing, embedding);
            if (direction == ON)
            {
                continue;
            }
            if (direction != embedding && DirectionBefore(sequence, opening) != direction)
            {
                // N0 c2: the other direction inside but not before: the brackets follow the embedding.
                direction = embedding;
            }
            SetBracket(sequence, opening, direction);
            SetBracket(sequence, closing, direction);
        }
    }

    /// <summary>BD16: the bracket pairs, opening position in the high half of each value; their count.</summary>
    private static int FindPairs(in IsolatingRunSequence sequence, Span<long> pairs)
    {
        Span<int> openKeys = stackalloc int[MaxOpenBrackets];
        Span<int> openPositions = stackalloc int[MaxOpenBrackets];
        var open = 0;
        var count = 0;
        for (var i = 0; i < sequence.Length; i++)
        {
            // Only brackets still neutral pair: an override that made one strong leaves it alone.
            if (sequence.Types[i] != ON || !BidiBracketTable.TryGet(sequence.CodePoint(i), out var key, out var isOpening))
            {
                continue;
            }
            if (isOpening)
            {
                if (open == MaxOpenBrackets)
                {
                    break;
                }
                openKeys[open] = key;
                openPositions[open] = i;
                open++;
                continue;
            }
            for (var depth = open - 1; depth >= 0; depth--)
            {
                if (openKeys[depth] == key)
                {
                    pairs[count++] = ((long)openPositions[depth] << 32) | (uint)i;
                    open = depth;
                    break;
                }
            }
        }
        return count;
    }

    /// <summary>
    /// N0 b-c: the embedding direction when a strong type of it is inside the pair, else the other direction when
    /// one of that is inside, else ON. Numbers count as R.
    /// </summary>
    private static BidiClass DirectionInside(ReadOnlySpan<BidiClass> types, int opening, int closing, BidiClass embedding)
    {
        var found = ON;
        for (var i = opening + 1; i < closing; i++)
        {
            var direction = StrongDirection(types[i]);
            if (direction == embedding)
            {
                return embedding;
            }
            if (direction != ON)
            {
                found = direction;
            }
        }
        return found;
    }

    /// <summary>N0 c1: the first strong direction before the opening bracket, brackets resolved already included; sos if none.</summary>
    private static BidiClass DirectionBefore(in IsolatingRunSequence sequence, int opening)
    {
        for (var i = opening - 1; i >= 0; i--)
        {
            var direction = StrongDirection(sequence.Types[i]);
            if (direction != ON)
            {
                return direction;
            }
        }
        return sequence.Start;
    }

    /// <summary>Sets a bracket's type, and that of the nonspacing marks on it, which W1 had made neutral like it.</summary>
    private static void SetBracket(in IsolatingRunSequence sequence, int position, BidiClass direction)
    {
        sequence.Types[position] = direction;
        for (var i = position + 1; i < sequence.Length && sequence.OriginalClass(i) == NSM; i++)
        {
            sequence.Types[i] = direction;
        }
    }

    private static BidiClass StrongDirection(BidiClass type) => type switch
    {
        L => L,
        R or EN or AN => R,
        _ => ON,
    };
}
