using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// The contents: one line per section with its page number, each linking to the section's named destination
/// (SkiaSharp has no outline API, so the links are in-page annotations).
/// </summary>
internal sealed class ContentsList(IReadOnlyList<(string Title, string Anchor)> entries) : IElement
{
    public IEnumerable<string> Texts => entries.Select(e => e.Title);

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight)
    {
        var style = new TextStyle(10);
        foreach (var (title, anchor) in entries)
        {
            yield return new Block(style.LineHeight + 2, (context, x, y) =>
            {
                var baseline = y + (style.Size * 1.05f);
                var page = context.AnchorPages.TryGetValue(anchor, out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
                var pageWidth = context.Fonts.Measure(page, style);
                var lineWidth = Math.Min(width, 420);
                context.Fonts.Draw(context.Canvas, title, x, baseline, style);
                context.Fonts.Draw(context.Canvas, page, x + lineWidth - pageWidth, baseline, style);
                using var dots = new SKPaint { Color = new SKColor(0xaa, 0xaa, 0xaa), StrokeWidth = 0.6f, PathEffect = SKPathEffect.CreateDash([1, 2.5f], 0) };
                context.Canvas.DrawLine(x + context.Fonts.Measure(title, style) + 4, baseline, x + lineWidth - pageWidth - 4, baseline, dots);
                context.Canvas.DrawLinkDestinationAnnotation(new SKRect(x, y, x + lineWidth, y + style.LineHeight), anchor);
            });
        }
    }
}
