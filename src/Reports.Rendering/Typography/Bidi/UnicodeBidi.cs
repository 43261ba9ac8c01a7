using Reports.Rendering.Typography.Bidi;
using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography;

/// <summary>
/// The Unicode Bidirectional Algorithm (UAX #9) for laying out one line of mixed-direction text: the level of each
/// UTF-16 code unit, from which the renderer cuts runs to shape in their direction, and the visual order of those
/// runs. Rules L3-L4 (combining marks, mirroring) are left to HarfBuzz.
/// </summary>
internal static class UnicodeBidi
{
    /// <summary>The Unicode version whose character data the algorithm uses.</summary>
    public static string UnicodeVersion => BidiClassTable.UnicodeVersion;

    /// <summary>
    /// The resolved embedding level of each UTF-16 code unit after rules X1-X10, W1-W7, N0-N2, I1-I2 and L1, with
    /// the whole text as one line: even levels run left to right, odd ones right to left. Both units of a surrogate
    /// pair get the code point's level. Characters rule X9 removes (embedding controls, joiners) get the level of
    /// the character before them. Each paragraph separator ends a paragraph (P1); with <see cref="BidiDirection.Auto"/>
    /// each paragraph takes its own direction.
    /// </summary>
    public static byte[] ResolveLevels(ReadOnlySpan<char> text, BidiDirection direction = BidiDirection.Auto)
    {
        var result = new byte[text.Length];
        if (direction != BidiDirection.RightToLeft && IsLeftToRightOnly(text))
        {
            return result;
        }
        var workspace = BidiWorkspace.Load(text);
        for (var start = 0; start < workspace.Count;)
        {
            var end = ParagraphEnd(workspace, start);
            var level = Level(workspace.Classes.AsSpan(start, end - start), direction);
            var paragraph = workspace.Paragraph(start, end - start, level);
            IsolateMatching.Match(paragraph, workspace.OpenIsolates);
            ExplicitLevelRules.Apply(paragraph);
            IsolatingRunSequences.Resolve(paragraph, workspace);
            ImplicitLevelRules.Apply(paragraph);
            LineLevelRules.Apply(paragraph);
            start = end;
        }
        var levels = workspace.Levels;
        for (int unit = 0, codePoint = 0; unit < text.Length; unit++, codePoint++)
        {
            result[unit] = levels[codePoint];
            if (char.IsHighSurrogate(text[unit]) && unit + 1 < text.Length && char.IsLowSurrogate(text[unit + 1]))
            {
                result[++unit] = levels[codePoint];
            }
        }
        return result;
    }

    /// <summary>The embedding level of the text's first paragraph: 0 (left to right) or 1 (right to left).</summary>
    public static byte ParagraphLevel(ReadOnlySpan<char> text, BidiDirection direction = BidiDirection.Auto)
    {
        if (direction != BidiDirection.Auto)
        {
            return Level([], direction);
        }
        var workspace = BidiWorkspace.Load(text);
        return Level(workspace.Classes.AsSpan(0, workspace.Count), direction);
    }

    /// <summary>
    /// Rule L2: given the levels of consecutive runs of a line in logical order, the indices of the runs in visual
    /// order, left to right. A right-to-left run's own glyphs come from shaping it right to left; this orders the
    /// runs. Works as well with one entry per character.
    /// </summary>
    public static int[] VisualOrder(ReadOnlySpan<byte> runLevels)
    {
        var order = new int[runLevels.Length];
        VisualReordering.Order(runLevels, order);
        return order;
    }

    /// <summary>
    /// Whether no character of the text can raise a level above 0 in a left-to-right or <see cref="BidiDirection.Auto"/>
    /// paragraph: nothing right to left (R, AL), no Arabic digits (AN) and no embedding, override or isolate. Then
    /// every level is 0 and callers skip the algorithm. ASCII, the common case, is checked vectorised first, then
    /// other text is searched vectorised for the few areas where such characters are.
    /// </summary>
    public static bool IsLeftToRightOnly(ReadOnlySpan<char> text)
    {
        var index = text.IndexOfAnyExceptInRange('\0', '\u007F');
        if (index < 0)
        {
            return true;
        }
        while (true)
        {
            var found = text[index..].IndexOfAny(LevelRaisingCodeUnits.Values);
            if (found < 0)
            {
                return true;
            }
            index += found;
            int codePoint = text[index];
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                codePoint = char.ConvertToUtf32(text[index], text[index + 1]);
            }
            if (BidiClassTable.Of(codePoint) is R or AL or AN or LRE or LRO or RLE or RLO or LRI or RLI or FSI)
            {
                return false;
            }
            index++;
        }
    }

    /// <summary>Rule P1: a paragraph ends after its paragraph separator, or at the end of the text.</summary>
    private static int ParagraphEnd(BidiWorkspace workspace, int start)
    {
        var end = start;
        while (end < workspace.Count && workspace.Classes[end] != B)
        {
            end++;
        }
        return Math.Min(end + 1, workspace.Count);
    }

    /// <summary>The paragraph level for the direction: P2-P3 on the paragraph's classes for <see cref="BidiDirection.Auto"/>.</summary>
    private static byte Level(ReadOnlySpan<BidiClass> paragraph, BidiDirection direction) => direction switch
    {
        BidiDirection.LeftToRight => 0,
        BidiDirection.RightToLeft => 1,
        _ => FirstStrongRule.Level(paragraph, stopAtClosingIsolate: false) == 1 ? (byte)1 : (byte)0,
    };
}
