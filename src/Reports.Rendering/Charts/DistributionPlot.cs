using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// A strip plot of a feature's prompt activations per category: every prompt a square (spread sideways by a fixed,
/// deterministic jitter) drawn over the category's mean bar, so a category of one prompt still shows its point, and the
/// count under each category's name. Colours from <see cref="CategoryPalette"/>, each square outlined so the lightest
/// stays visible on white and in greyscale print.
/// </summary>
internal static class DistributionPlot
{
    /// <summary>The plot's size in its own units: wide, as a feature section's page is.</summary>
    public const int Width = 1240;
    public const int Height = 300;

    public static Plot Create(IReadOnlyList<(string Label, IReadOnlyList<double> Values)> categories, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ShippedFontResolver.Install();
        var plot = new Plot();
        // The bars first: a plot draws in the order things are added, and every point must stay in view.
        for (var i = 0; i < categories.Count; i++)
        {
            if (categories[i].Values.Count > 0)
            {
                var mean = categories[i].Values.Average();
                var bar = plot.Add.Line(i - 0.38, mean, i + 0.38, mean);
                bar.LineColor = Colors.Black;
                bar.LineWidth = 2.5f;
            }
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var values = categories[i].Values;
            if (values.Count == 0)
            {
                continue;
            }

            var xs = values.Select((_, j) => i + Jitter(j)).ToArray();
            var points = plot.Add.ScatterPoints(xs, values.ToArray());
            // Squares, not circles: a PDF circle is sixteen curve segments, a square one rectangle, and a feature
            // with hundreds of prompts per category would otherwise weigh tens of kilobytes in dots alone.
            points.MarkerStyle = new MarkerStyle(MarkerShape.FilledSquare, 7, CategoryPalette.Of(i))
            {
                OutlineColor = Colors.Black.WithAlpha(0.55),
                OutlineWidth = 0.75f,
            };
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

    /// <summary>A spread in [-0.3, 0.3] from the golden ratio: the same for the same index on every run.</summary>
    private static double Jitter(int index) => (((index * 0.6180339887498949) % 1.0) - 0.5) * 0.6;
}
