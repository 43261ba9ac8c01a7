namespace Reports.Rendering.Pdf;

/// <summary>
/// Breaks text into lines that fit a width: at spaces, and inside long tokens such as URLs after '/', '-', '_', '?',
/// '&amp;' or '='; a token wider than the line is broken between characters. Line breaks in the text are kept.
/// </summary>
/// <remarks>
/// A line is always a stretch of its paragraph, so it is kept as a start and an end, and measured by spans: the
/// description table of a large report wraps hundreds of thousands of words, and only its lines become strings.
/// </remarks>
internal static class TextWrapper
{
    public static List<string> Wrap(FontSet fonts, string text, TextStyle style, float width)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var all = paragraph.AsSpan();
            int lineStart = 0, lineEnd = 0;
            var lineWidth = 0f;
            for (int start = 0, end; start < all.Length; start = end)
            {
                end = SegmentEnd(all, start);
                var segment = all[start..end];
                var segmentWidth = fonts.Measure(segment.TrimEnd(), style);
                if (lineEnd > lineStart && lineWidth + segmentWidth > width)
                {
                    lines.Add(all[lineStart..lineEnd].TrimEnd().ToString());
                    lineStart = lineEnd = start;
                    lineWidth = 0;
                }

                if (segmentWidth > width)
                {
                    // A token longer than the whole line: break it between characters.
                    foreach (var (pieceStart, pieceEnd) in BreakCharacters(fonts, paragraph, start, end, style, width))
                    {
                        if (lineEnd > lineStart)
                        {
                            lines.Add(all[lineStart..lineEnd].TrimEnd().ToString());
                        }

                        (lineStart, lineEnd) = (pieceStart, pieceEnd);
                    }

                    lineWidth = fonts.Measure(all[lineStart..lineEnd], style);
                    continue;
                }

                if (lineEnd == lineStart)
                {
                    lineStart = start;
                }

                lineEnd = end;
                lineWidth += fonts.Measure(segment, style);
            }

            lines.Add(all[lineStart..lineEnd].TrimEnd().ToString());
        }

        return lines;
    }

    /// <summary>Where the piece of text from <paramref name="start"/> ends: after its break opportunity (a space or a mark).</summary>
    private static int SegmentEnd(ReadOnlySpan<char> text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            var breakAfter = c == ' ' ? i + 1 < text.Length && text[i + 1] != ' '
                : c is '/' or '-' or '_' or '?' or '&' or '=' && i + 1 < text.Length && text[i + 1] != ' ' && i > start;
            if (breakAfter)
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    /// <summary>The token [from, to) of the text in pieces that fit the width, broken between text elements.</summary>
    private static List<(int Start, int End)> BreakCharacters(FontSet fonts, string text, int from, int to, TextStyle style, float width)
    {
        var pieces = new List<(int, int)>();
        var start = from;
        var end = from;
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text[from..to]);
        while (enumerator.MoveNext())
        {
            var next = from + enumerator.ElementIndex + enumerator.GetTextElement().Length;
            if (end > start && fonts.Measure(text.AsSpan(start, next - start), style) > width)
            {
                pieces.Add((start, end));
                start = end;
            }

            end = next;
        }

        pieces.Add((start, to));
        return pieces;
    }
}
