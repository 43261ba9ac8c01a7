using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rule L1, with the whole paragraph as one line: segment and paragraph separators, and the white space and
/// isolate formatting characters before them or at the end of the line, go back to the paragraph level, so that
/// trailing spaces sit at the line's visual end and tabs align in the paragraph's direction.
/// </summary>
internal static class LineLevelRules
{
    /// <summary>Resets the levels L1 names to the paragraph level.</summary>
    public static void Apply(in BidiParagraph paragraph)
    {
        var levels = paragraph.Levels;
        var whitespaceStart = -1;
        for (var i = 0; i < paragraph.Length; i++)
        {
            switch (paragraph.Classes[i])
            {
                case WS or LRI or RLI or FSI or PDI or BN or LRE or RLE or LRO or RLO or PDF:
                    // Removed characters go with the white space around them (section 5.2).
                    if (whitespaceStart < 0)
                    {
                        whitespaceStart = i;
                    }
                    break;
                case S or B:
                    levels[(whitespaceStart < 0 ? i : whitespaceStart)..(i + 1)].Fill(paragraph.Level);
                    whitespaceStart = -1;
                    break;
                default:
                    whitespaceStart = -1;
                    break;
            }
        }
        if (whitespaceStart >= 0)
        {
            levels[whitespaceStart..].Fill(paragraph.Level);
        }
    }
}
