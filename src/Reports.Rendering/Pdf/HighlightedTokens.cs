using Reports.Rendering.Report;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A prompt drawn token by token, each token's background shaded by the feature's activation on it (white to orange on
/// the feature's own scale) and the strongest token in bold. Lines break before tokens that start a word.
/// </summary>
public sealed class HighlightedTokens(IReadOnlyList<ShadedToken> tokens, double scaleMax) : IElement
{
    private static readonly SKColor Hot = new(0xf0, 0x8c, 0x1e);

    public TextStyle Style { get; init; } = new(9);

    public IEnumerable<string> Texts => tokens.Select(t => t.Text);

    /// <summary>The shading of an activation on a scale whose top is <paramref name="max"/>.</summary>
    public static SKColor Shade(double activation, double max)
    {
        var t = max <= 0 ? 0 : Math.Clamp(activation / max, 0, 1);
        byte Mix(byte to) => (byte)Math.Round(255 + ((to - 255) * t));
        return new SKColor(Mix(Hot.Red), Mix(Hot.Green), Mix(Hot.Blue));
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
        }

        foreach (var line in lines)
        {
            yield return new Block(Style.LineHeight + 2, (context, left, top) =>
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
            });
        }
    }
}
