using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// A strip plot of a feature's prompt activations per category: every prompt a small square (spread sideways by a fixed,
/// deterministic jitter), the category mean a bar, the count under each category's name.
/// </summary>
public static class DistributionPlot
{
    public const int Width = 760;
    public const int Height = 260;

    public static Plot Create(IReadOnlyList<(string Label, IReadOnlyList<double> Values)> categories, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ShippedFontResolver.Install();
        var plot = new Plot();
        for (var i = 0; i < categories.Count; i++)
        {
            var values = categories[i].Values;
            if (values.Count == 0)
            {
                continue;
            }

            var xs = values.Select((_, j) => i + Jitter(j)).ToArray();
            var points = plot.Add.ScatterPoints(xs, values.ToArray());
            points.Color = CategoryPalette.Of(i);
            // Squares, not circles: a PDF circle is sixteen curve segments, a square one rectangle, and a feature
            // with hundreds of prompts per category would otherwise weigh tens of kilobytes in dots alone.
            points.MarkerShape = MarkerShape.FilledSquare;
            points.MarkerSize = 4;
            var mean = values.Average();
            var bar = plot.Add.Line(i - 0.3, mean, i + 0.3, mean);
            bar.LineColor = Colors.Black;
            bar.LineWidth = 2;
        }

        // A name ScottPlot cannot draw leaves its first line empty, for ShapedTickLabels to fill.
        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, categories.Count).Select(i => (double)i)],
            [.. categories.Select(c => string.Create(CultureInfo.InvariantCulture, $"{(ShapedTickLabels.ScottPlotCanDraw(c.Label) ? c.Label : "")}\nn = {c.Values.Count}"))]);
        if (categories.Any(c => !ShapedTickLabels.ScottPlotCanDraw(c.Label)))
        {
            plot.RenderManager.RenderActions.Add(new ShapedTickLabels
            {
                Edge = Edge.Bottom,
                FontSize = plot.Axes.Bottom.TickLabelStyle.FontSize,
                Labels = [.. categories.Select((c, i) => (Position: (double)i, Text: c.Label)).Where(l => !ShapedTickLabels.ScottPlotCanDraw(l.Text))],
            });
        }
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
        var top = categories.SelectMany(c => c.Values).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, top * 1.08);
        plot.YLabel("Prompt activation");
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        PlotFont.Apply(plot, fontName ?? Typography.ShippedFonts.FamilyName);
        return plot;
    }

    /// <summary>Draws the plot as vectors into a rectangle of a canvas (a PDF page).</summary>
    public static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> categories, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        PlotRendering.Draw(Create(categories, fontName), canvas, area);
    }

    /// <summary>The plot as SVG for the HTML report; its ids start with <paramref name="idPrefix"/>, unique per page.</summary>
    public static string Svg(IReadOnlyList<(string Label, IReadOnlyList<double> Values)> categories, string idPrefix) =>
        SvgIds.Renumber(PlotRendering.Svg(Create(categories), Width, Height), idPrefix);

    /// <summary>A spread in [-0.25, 0.25] from the golden ratio: the same for the same index on every run.</summary>
    private static double Jitter(int index) => (((index * 0.6180339887498949) % 1.0) - 0.5) * 0.5;
}
