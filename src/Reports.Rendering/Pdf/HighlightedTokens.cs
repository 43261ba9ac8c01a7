using Reports.Rendering.Report;
using Reports.Rendering.Typography;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A prompt drawn token by token, each token's background shaded by the feature's activation on it (white to orange on
/// the feature's own scale) and the strongest token in bold. Lines break before tokens that start a word.
/// </summary>
internal sealed class HighlightedTokens(IReadOnlyList<ShadedToken> tokens, double scaleMax) : IElement
{
    private static readonly SKColor Hot = new(0xf0, 0x8c, 0x1e);

    public TextStyle Style { get; init; } = new(9);

    /// <summary>Keeps every line on the page of what follows (a key with the prompts it explains).</summary>
    public bool KeepWithNext { get; init; }

    public IEnumerable<string> Texts => tokens.Select(t => t.Text);

    /// <summary>The shading of an activation on a scale whose top is <paramref name="max"/>.</summary>
    public static SKColor Shade(double activation, double max)
    {
        var t = max <= 0 ? 0 : Math.Clamp(activation / max, 0, 1);
        byte Mix(byte to) => (byte)Math.Round(255 + ((to - 255) * t));
        return new SKColor(Mix(Hot.Red), Mix(Hot.Green), Mix(Hot.Blue));
    }

    /// <summary>
    /// A line's tokens placed left to right in the order the bidirectional algorithm shows them: in a right-to-left
    /// prompt the first token is at the right. A token keeps its text whole (FontSet orders what is inside it).
    /// </summary>
    private static List<(ShadedToken Token, float X, float Width)> InVisualOrder(List<(ShadedToken Token, float X, float Width)> line)
    {
        var text = string.Concat(line.Select(t => t.Token.Text));
        if (UnicodeBidi.IsLeftToRightOnly(text))
        {
            return line;
        }

        var levels = UnicodeBidi.ResolveLevels(text);
        var tokenLevels = new byte[line.Count];
        var start = 0;
        for (var i = 0; i < line.Count; i++)
        {
            // A token's level is that of its first character that is not a space (a word piece keeps the space before it).
            var length = line[i].Token.Text.Length;
            var strong = line[i].Token.Text.AsSpan().IndexOfAnyExcept(" \t");
            tokenLevels[i] = length == 0 ? (i > 0 ? tokenLevels[i - 1] : UnicodeBidi.ParagraphLevel(text)) : levels[start + Math.Max(0, strong)];
            start += length;
        }

        var x = 0f;
        var placed = new List<(ShadedToken Token, float X, float Width)>(line.Count);
        foreach (var i in UnicodeBidi.VisualOrder(tokenLevels))
        {
            placed.Add((line[i].Token, x, line[i].Width));
            x += line[i].Width;
        }

        return placed;
    }

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight)
    {
        var lines = new List<List<(ShadedToken Token, float X, float Width)>> { new() };
        var x = 0f;
        foreach (var token in tokens)
        {
            var style = token.IsStrongest ? Style.WithBold() : Style;
            var tokenWidth = fonts.Measure(token.Text, style);
            if (x + tokenWidth > width && lines[^1].Count > 0 && token.Text.StartsWith(' '))
            {
                lines.Add([]);
                x = 0;
            }

            lines[^1].Add((token, x, tokenWidth));
            x += tokenWidth;
            if (token.EndsLine)
            {
                lines.Add([]);
                x = 0;
            }
        }

        if (lines.Count > 1 && lines[^1].Count == 0)
        {
            lines.RemoveAt(lines.Count - 1); // the prompt ended with a line feed
        }

        foreach (var line in lines.Select(InVisualOrder))
        {
            yield return new Block(Style.LineHeight + 2, (context, left, top) => DrawLine(context, line, left, top)) { KeepWithNext = KeepWithNext };
        }
    }

    private void DrawLine(DrawContext context, List<(ShadedToken Token, float X, float Width)> line, float left, float top)
    {
        // One paint for the line's shadings: a native paint per token cost more than drawing it.
        using var fill = new SKPaint();
        foreach (var (token, tokenX, tokenWidth) in line)
        {
            var style = token.IsStrongest ? Style.WithBold() : Style;
            if (token.Activation > 0)
            {
                // Shade the glyphs, not the space that starts a word.
                var lead = token.Text.StartsWith(' ') ? context.Fonts.Measure(" ", style) : 0;
                fill.Color = Shade(token.Activation, scaleMax);
                context.Canvas.DrawRect(new SKRect(left + tokenX + lead, top, left + tokenX + tokenWidth, top + Style.LineHeight + 1), fill);
            }

            context.Fonts.Draw(context.Canvas, token.Text, left + tokenX, top + (Style.Size * 1.05f), style);
        }
    }
}
