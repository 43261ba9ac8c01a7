using Reports.Rendering.Pdf;
using Reports.Rendering.Typography;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// Category names ScottPlot cannot draw: it draws a label with one face, unshaped, left to right, so Chinese would be
/// boxes and Arabic unjoined and reversed. Such labels are left out of ScottPlot's ticks and drawn here, after the
/// plot, by the documents' own text engine (fallback faces, HarfBuzz, the bidi algorithm) as glyph outlines, which look
/// the same in the PDF, the PNG and the SVG. The tables print the same names as text.
/// </summary>
internal sealed class ShapedTickLabels : IRenderAction
{
    // One engine over the whole shipped faces for every chart; charts are drawn on more than one thread.
    private static readonly Lazy<FontSet> Fonts = new(FontSet.Shipped);

    /// <summary>Where the labels go: left of the data area (rows), or as the first line below it (columns).</summary>
    public required Edge Edge { get; init; }

    /// <summary>Each label and its position on the axis, in data units.</summary>
    public required IReadOnlyList<(double Position, string Text)> Labels { get; init; }

    public required float FontSize { get; init; }

    public SKColor Color { get; init; } = new(0x22, 0x22, 0x22);

    /// <summary>Whether ScottPlot's single-face label would draw the text right: Noto Sans has every character, all left to right.</summary>
    public static bool ScottPlotCanDraw(string text) =>
        UnicodeBidi.IsLeftToRightOnly(text) && text.EnumerateRunes().All(r => r.Value < 0x80 || ShippedFonts.Regular.Typeface.ContainsGlyph(r.Value));

    public void Render(RenderPack rp)
    {
        ArgumentNullException.ThrowIfNull(rp);
        var style = new TextStyle(FontSize);
        using var paint = new SKPaint { Color = Color, IsAntialias = true, Style = SKPaintStyle.Fill };
        var fonts = Fonts.Value;
        lock (fonts)
        {
            foreach (var (position, text) in Labels)
            {
                var width = fonts.Measure(text, style);
                using var outline = fonts.Outline(text, style);
                // ScottPlot's ticks: 4 px tick marks and a few pixels of padding, text centred on the tick.
                var (x, y) = Edge == Edge.Left
                    ? (rp.DataRect.Left - 9 - width, rp.Plot.Axes.Left.GetPixel(position, rp.DataRect) + (FontSize * 0.36f))
                    : (rp.Plot.Axes.Bottom.GetPixel(position, rp.DataRect) - (width / 2), rp.DataRect.Bottom + 7 + (FontSize * 0.93f));
                outline.Offset(x, y);
                rp.Canvas.DrawPath(outline, paint);
            }
        }
    }
}
