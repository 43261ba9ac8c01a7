using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>Draws a ScottPlot plot as vectors: into a rectangle of a canvas (a PDF page), or as SVG.</summary>
public static class VectorPlot
{
    public static void Draw(Plot plot, SKCanvas canvas, SKRect area)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(canvas);
        var width = (int)area.Width;
        var height = (int)area.Height;
        LayOut(plot, width, height);
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        plot.Render(canvas, width, height);
        canvas.Restore();
    }

    public static string Svg(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        LayOut(plot, width, height);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>
    /// The first render of a plot lays it out and, on a PDF, would paint it twice; left to ScottPlot, it lays out on a
    /// bitmap (RenderInMemory: 10 ms a plot, seconds for a heatmap over hundreds of pages). A picture recorder is free.
    /// </summary>
    private static void LayOut(Plot plot, int width, int height)
    {
        using var recorder = new SKPictureRecorder();
        plot.Render(recorder.BeginRecording(SKRect.Create(width, height)), width, height);
        recorder.EndRecording().Dispose();
    }
}
