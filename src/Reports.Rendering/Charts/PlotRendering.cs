using ScottPlot;
using ScottPlot.Rendering.RenderActions;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// Draws a ScottPlot plot with one full render: into a rectangle of a canvas (a PDF page), as SVG, or as a PNG.
/// </summary>
/// <remarks>
/// ScottPlot renders a new plot twice: its first render sets the axis limits and the layout measures the tick labels
/// of the render before, so a render that changed the limits is repeated. On a PDF that would paint the plot twice,
/// and each full render costs milliseconds (a report's 180 heatmap pages drew three each). So a plot is first laid out
/// by the render actions that compute (limits, layout, ticks) and none that draw, then rendered once.
/// </remarks>
internal static class PlotRendering
{
    /// <summary>The render actions that decide where things go; the others only draw.</summary>
    private static readonly HashSet<Type> LayoutActions =
    [
        typeof(PreRenderLock),
        typeof(ReplaceNullAxesWithDefaults),
        typeof(AutoScaleUnsetAxes),
        typeof(ContinuouslyAutoscale),
        typeof(ExecutePlottableAxisManagers),
        typeof(ApplyAxisRulesBeforeLayout),
        typeof(CalculateLayout),
        typeof(ApplyAxisRulesAfterLayout),
        typeof(RegenerateTicks),
    ];

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

    /// <summary>The plot as PNG bytes of the given pixel size (its <see cref="Plot.ScaleFactor"/> applies).</summary>
    public static void Png(Plot plot, int width, int height, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(destination);
        LayOut(plot, width, height);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        png.SaveTo(destination);
    }

    /// <summary>The renders that settle the limits and the layout, with the drawing actions left out.</summary>
    private static void LayOut(Plot plot, int width, int height)
    {
        var actions = plot.RenderManager.RenderActions;
        IRenderAction[] all = [.. actions];
        actions.RemoveAll(action => !LayoutActions.Contains(action.GetType()));
        try
        {
            using var recorder = new SKPictureRecorder();
            plot.Render(recorder.BeginRecording(SKRect.Create(width, height)), width, height);
            recorder.EndRecording().Dispose();
        }
        finally
        {
            actions.Clear();
            actions.AddRange(all);
        }
    }
}
