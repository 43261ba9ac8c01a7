using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// The headline numbers over the kept history as a small line chart: one line and marker per number, a point per
/// snapshot named on the axis, so a report shows how its features came and went over the builds.
/// </summary>
internal static class TrendPlot
{
    public const int Width = 900;
    public const int Height = 260;

    public static Plot Create(TrendModel model, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ShippedFontResolver.Install();
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(0, model.Points.Count).Select(i => (double)i)];
        for (var s = 0; s < model.Series.Count; s++)
        {
            var line = plot.Add.Scatter(xs, model.Series[s].Values.ToArray(), CategoryPalette.Of(s));
            line.LegendText = model.Series[s].Name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }

        plot.Axes.Bottom.SetTicks(xs, [.. model.Points.Select(p => ShapedTickLabels.ScottPlotCanDraw(p) ? p : "")]);
        plot.Axes.SetLimitsX(-0.3, model.Points.Count - 0.7);
        var top = model.Series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.12);
        plot.YLabel("Count");
        plot.ShowLegend(Edge.Right);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        PlotFont.Apply(plot, fontName ?? Typography.ShippedFonts.FamilyName);
        return plot;
    }

    /// <summary>Draws the chart as vectors into a rectangle of a canvas (a PDF page).</summary>
    public static void Draw(SKCanvas canvas, SKRect area, TrendModel model, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        PlotRendering.Draw(Create(model, fontName), canvas, area);
    }

    /// <summary>The chart as SVG for the HTML report.</summary>
    public static string Svg(TrendModel model) => SvgIds.Renumber(PlotRendering.Svg(Create(model), Width, Height), "trend-clip-");

    /// <summary>Every text the chart draws, for the fonts' subsets.</summary>
    public static IEnumerable<string> Texts(TrendModel model) => [.. model.Points, .. model.Series.Select(s => s.Name), "Count", "0123456789.,-"];
}
