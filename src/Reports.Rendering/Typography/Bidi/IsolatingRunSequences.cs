using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rule X10: splits a paragraph into level runs, chains them into isolating run sequences and resolves each
/// sequence's types with rules W1-W7, N0 and N1-N2. Levels stay the explicit ones: the sos and eos of later
/// sequences are computed from them.
/// </summary>
internal static class IsolatingRunSequences
{
    /// <summary>Resolves the types of every character the explicit rules left in place.</summary>
    public static void Resolve(in BidiParagraph paragraph, BidiWorkspace workspace)
    {
        var levels = paragraph.Levels;
        var runFirsts = workspace.RunFirsts;
        var runLasts = workspace.RunLasts;
        var runOf = workspace.RunOf;
        var runCount = 0;
        var previous = -1;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph.IsRemoved(i))
            {
                continue;
            }
            if (previous < 0 || levels[i] != levels[previous])
            {
                runFirsts[runCount++] = i;
            }
            runLasts[runCount - 1] = i;
            runOf[i] = runCount - 1;
            previous = i;
        }

        var indices = workspace.SequenceIndices;
        for (var run = 0; run < runCount; run++)
        {
            var first = runFirsts[run];
            if (paragraph.Classes[first] == PDI && paragraph.IsolatePartners[first] >= 0)
            {
                // Continues the sequence of its isolate initiator, resolved already.
                continue;
            }
            var count = 0;
            var current = run;
            while (true)
            {
                for (var i = runFirsts[current]; i <= runLasts[current]; i++)
                {
                    if (!paragraph.IsRemoved(i))
                    {
                        indices[count++] = i;
                    }
                }
                var last = runLasts[current];
                if (!paragraph.IsIsolateInitiator(last) || paragraph.IsolatePartners[last] < 0)
                {
                    break;
                }
                current = runOf[paragraph.IsolatePartners[last]];
            }
            Resolve(paragraph, workspace, indices.AsSpan(0, count));
        }
    }

    private static void Resolve(in BidiParagraph paragraph, BidiWorkspace workspace, ReadOnlySpan<int> indices)
    {
        var types = workspace.SequenceTypes.AsSpan(0, indices.Length);
        for (var i = 0; i < indices.Length; i++)
        {
            types[i] = paragraph.Types[indices[i]];
        }
        var sequence = new IsolatingRunSequence
        {
            Indices = indices,
            Types = types,
            Paragraph = paragraph,
            Level = paragraph.Levels[indices[0]],
            Start = Direction(Math.Max(paragraph.Levels[indices[0]], LevelBefore(paragraph, indices[0]))),
            End = Direction(Math.Max(paragraph.Levels[indices[^1]], LevelAfter(paragraph, indices[^1]))),
        };
        WeakTypeRules.Apply(sequence);
        BracketPairRules.Apply(sequence, workspace.BracketPairs);
        NeutralTypeRules.Apply(sequence);
        for (var i = 0; i < indices.Length; i++)
        {
            paragraph.Types[indices[i]] = types[i];
        }
    }

    /// <summary>The level of the character before the sequence, not counting removed ones; the paragraph's at its start.</summary>
    private static byte LevelBefore(in BidiParagraph paragraph, int first)
    {
        for (var i = first - 1; i >= 0; i--)
        {
            if (!paragraph.IsRemoved(i))
            {
                return paragraph.Levels[i];
            }
        }
        return paragraph.Level;
    }

    /// <summary>
    /// The level of the character after the sequence, not counting removed ones; the paragraph's at its end or after
    /// an isolate initiator that ends the sequence (it has no matching PDI).
    /// </summary>
    private static byte LevelAfter(in BidiParagraph paragraph, int last)
    {
        if (!paragraph.IsIsolateInitiator(last))
        {
            for (var i = last + 1; i < paragraph.Length; i++)
            {
                if (!paragraph.IsRemoved(i))
                {
                    return paragraph.Levels[i];
                }
            }
        }
        return paragraph.Level;
    }

    private static BidiClass Direction(byte level) => (level & 1) == 0 ? L : R;
}
