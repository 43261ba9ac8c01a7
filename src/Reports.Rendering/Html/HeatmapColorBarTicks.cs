using Reports.Rendering.Charts;
using SkiaSharp;

namespace Reports.Rendering.Html;

/// <summary>
/// The colour bar's ticks as heatmap.png and the PDF draw them: ScottPlot's automatic tick generator picks them for the
/// bar's length (the cells' height) and the labels' size, so the page takes them from a one-column plot of the same
/// rows and colour range laid out by ScottPlot, rather than choosing round numbers of its own.
/// </summary>
internal static class HeatmapColorBarTicks
{
    /// <summary>The major ticks within the colour range, bottom to top: value and label as ScottPlot writes it.</summary>
    public static IReadOnlyList<(double Value, string Label)> Of(HeatmapModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.ColumnLabels.Count == 0 || model.RowLabels.Count == 0)
        {
            return [];
        }

        var range = model.ValueRange();
        // The bar is as tall as the cells, whatever the column count: one column gives the same ticks as every page.
        var plot = ActivationHeatmap.CreatePlot(model, 0, 1, range, scale: 0);
        var (width, height) = HeatmapGeometry.FigureSize(1, model.RowLabels.Count);
        using (var recorder = new SKPictureRecorder())
        {
            PlotRendering.Draw(plot, recorder.BeginRecording(SKRect.Create(width, height)), SKRect.Create(width, height));
            recorder.EndRecording().Dispose();
        }

        var colorBar = plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Single();
        return [.. colorBar.Axis.TickGenerator.Ticks
            .Where(t => t.IsMajor && t.Position >= range.Min && t.Position <= range.Max)
            .OrderBy(t => t.Position)
            .Select(t => (t.Position, t.Label))];
    }
}
