using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A fixed-size box drawn by a callback: vector content such as a ScottPlot heatmap. The callback sees only its
/// canvas and rectangle, so the document may record it ahead into a picture, on another thread than the pages'.
/// <see cref="Texts"/> lists the text the drawing uses, so the subset fonts hold its characters.
/// </summary>
internal sealed class CanvasBox(float width, float height, Action<SKCanvas, SKRect> draw, IEnumerable<string> texts) : IElement
{
    public IEnumerable<string> Texts { get; } = [.. texts];

    /// <summary>Keeps the box on the page of what follows (a key with the content it explains).</summary>
    public bool KeepWithNext { get; init; }

    public IEnumerable<Block> Layout(FontSet fonts, float contentWidth, float pageHeight) =>
        [new Block(height, (context, x, y) => draw(context.Canvas, SKRect.Create(x, y, width, height))) { Record = Record, KeepWithNext = KeepWithNext }];

    private SKPicture Record()
    {
        using var recorder = new SKPictureRecorder();
        var bounds = SKRect.Create(width, height);
        draw(recorder.BeginRecording(bounds), bounds);
        return recorder.EndRecording();
    }
}
