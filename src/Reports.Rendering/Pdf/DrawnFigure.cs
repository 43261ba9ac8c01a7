using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A figure drawn by our own code with the document's fonts: its labels are the document's shaped text (searchable,
/// in its subset faces), which a <see cref="CanvasBox"/> recorded ahead on another thread cannot use. Its height may
/// depend on its text, so it is measured at layout; it is drawn with the page.
/// </summary>
/// <param name="height">The figure's height for the content width, given the document's fonts.</param>
/// <param name="draw">Draws the figure into its rectangle of the page with the document's fonts.</param>
/// <param name="texts">Every text the figure draws, so the subset fonts hold its characters.</param>
internal sealed class DrawnFigure(Func<FontSet, float, float> height, Action<SKCanvas, SKRect, FontSet> draw, IEnumerable<string> texts) : IElement
{
    public IEnumerable<string> Texts { get; } = [.. texts];

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight)
    {
        var figureHeight = Math.Min(height(fonts, width), pageHeight);
        return [new Block(figureHeight, (context, x, y) => draw(context.Canvas, SKRect.Create(x, y, width, figureHeight), context.Fonts))];
    }
}
