using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>Draws a ScottPlot plot as vectors into a rectangle of a canvas (a PDF page).</summary>
public static class VectorPlot
{
    public static void Draw(Plot plot, SKCanvas canvas, SKRect area)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(canvas);
        var width = (int)area.Width;
        var height = (int)area.Height;

        // The first render of a plot lays it out and, on a PDF, would paint it twice: lay it out on a picture recorder
        // first. (A bitmap, as RenderInMemory uses, cost 10 ms a page: seconds for a heatmap over hundreds of pages.)
        using (var recorder = new SKPictureRecorder())
        {
            plot.Render(recorder.BeginRecording(SKRect.Create(width, height)), width, height);
            recorder.EndRecording().Dispose();
        }

        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        plot.Render(canvas, width, height);
        canvas.Restore();
    }
}
