namespace Reports.Rendering.Pdf;

/// <summary>
/// Breaks text into lines that fit a width: at spaces, and inside long tokens such as URLs after '/', '-', '_', '?',
/// '&amp;' or '='; a token wider than the line is broken between characters. Line breaks in the text are kept.
/// </summary>
public static class TextWrapper
{
    public static List<string> Wrap(FontSet fonts, string text, TextStyle style, float width)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            var lineWidth = 0f;
            foreach (var segment in Segments(paragraph))
            {
                var segmentWidth = fonts.Measure(segment.TrimEnd(), style);
                if (line.Length > 0 && lineWidth + segmentWidth > width)
                {
                    lines.Add(line.TrimEnd());
                    line = "";
                    lineWidth = 0;
                }

                if (segmentWidth > width)
                {
                    // A token longer than the whole line: break it between characters.
                    foreach (var piece in BreakCharacters(fonts, segment, style, width))
                    {
                        if (line.Length > 0)
                        {
                            lines.Add(line.TrimEnd());
                        }

                        line = piece;
                    }

                    lineWidth = fonts.Measure(line, style);
                    continue;
                }

                line += segment;
                lineWidth += fonts.Measure(segment, style);
            }

            lines.Add(line.TrimEnd());
        }

        return lines;
    }

    /// <summary>Pieces of text that end at a break opportunity (the space or mark stays with the piece before it).</summary>
    private static IEnumerable<string> Segments(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var breakAfter = c == ' ' ? i + 1 < text.Length && text[i + 1] != ' '
                : c is '/' or '-' or '_' or '?' or '&' or '=' && i + 1 < text.Length && text[i + 1] != ' ' && i > start;
            if (breakAfter)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static IEnumerable<string> BreakCharacters(FontSet fonts, string token, TextStyle style, float width)
    {
        var start = 0;
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(token);
        var end = 0;
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + enumerator.GetTextElement().Length;
            if (end > start && fonts.Measure(token[start..next], style) > width)
            {
                yield return token[start..end];
                start = end;
            }

            end = next;
        }

        yield return token[start..];
    }
}
