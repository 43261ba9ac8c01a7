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
    /// ScottPlot renders a new plot twice (its first render sets the axis limits, and a render that changed them is
    /// repeated): on a PDF it would paint it twice. So the first render goes to a picture recorder and is thrown away,
    /// with the plottables hidden, as they take no part in the layout (every plot here sets its axis limits): the
    /// heatmap's hundreds of value labels and the strip plot's points are drawn once, not twice.
    /// </summary>
    private static void LayOut(Plot plot, int width, int height)
    {
        var shown = plot.GetPlottables().Where(p => p.IsVisible).ToArray();
        foreach (var plottable in shown)
        {
            plottable.IsVisible = false;
        }

        try
        {
            using var recorder = new SKPictureRecorder();
            plot.Render(recorder.BeginRecording(SKRect.Create(width, height)), width, height);
            recorder.EndRecording().Dispose();
        }
        finally
        {
            foreach (var plottable in shown)
            {
                plottable.IsVisible = true;
            }
        }
    }
}
