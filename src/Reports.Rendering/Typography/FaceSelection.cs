namespace Reports.Rendering.Typography;

/// <summary>
/// Which shipped faces a document needs, for the PDF and the HTML alike: Noto Sans always; a face for another script
/// only when the text has a character it is the first to draw; and the characters no face has.
/// </summary>
internal static class FaceSelection
{
    /// <summary>The code points of the texts, with printable ASCII (numbers and labels drawn later need it), in order.</summary>
    public static int[] CodePoints(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var codePoints = new CodePointSet();
        foreach (var text in texts)
        {
            codePoints.Add(text);
        }

        return codePoints.ToArray();
    }

    /// <summary>
    /// The faces after Noto Sans and its symbols that draw the rest of <paramref name="codePoints"/>, in fallback order,
    /// and what none of them draws (characters with nothing to draw, such as joiners, are never in it).
    /// </summary>
    public static (IReadOnlyList<FaceSubset> Fallbacks, IReadOnlyList<int> Undrawable) Fallbacks(IReadOnlyList<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        var regular = ShippedFonts.Regular.Typeface;
        var symbols = ShippedFonts.Symbols.Typeface;
        var undrawn = codePoints.Where(c => !regular.ContainsGlyph(c) && !symbols.ContainsGlyph(c) && !TextRuns.IsInvisible(c)).ToList();
        var fallbacks = new List<FaceSubset>();
        for (var i = 0; i < ShippedFonts.FallbackCount && undrawn.Count > 0; i++)
        {
            var font = ShippedFonts.Fallback(i);
            var drawn = undrawn.Where(font.Typeface.ContainsGlyph).ToHashSet();
            if (drawn.Count == 0)
            {
                continue;
            }

            // With the spaces, punctuation and marks it has, so a run of its script does not break at them.
            fallbacks.Add(new FaceSubset(font, [.. codePoints.Where(c => drawn.Contains(c) || (TextRuns.IsNeutral(c) && font.Typeface.ContainsGlyph(c)))]));
            undrawn.RemoveAll(drawn.Contains);
        }

        return (fallbacks, undrawn);
    }
}
