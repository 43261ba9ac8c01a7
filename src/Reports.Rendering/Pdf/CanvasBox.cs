using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A fixed-size box drawn by a callback straight onto the page: vector content such as a ScottPlot heatmap.
/// <see cref="Texts"/> lists the text the drawing uses, so the subset fonts hold its characters.
/// </summary>
public sealed class CanvasBox(float width, float height, Action<SKCanvas, SKRect> draw, IEnumerable<string> texts) : IElement
{
    public IEnumerable<string> Texts { get; } = [.. texts];

    public IEnumerable<Block> Layout(FontSet fonts, float contentWidth, float pageHeight) =>
        [new Block(height, (context, x, y) => draw(context.Canvas, SKRect.Create(x, y, width, height)))];
}
