using ScottPlot;

namespace Reports.Rendering.Charts;

/// <summary>
/// Sets the font of every text of one plot. ScottPlot's own <c>plot.Font.Set</c> also sets the process-wide
/// <see cref="Fonts.Default"/> that every label added later takes: with the PDF's charts recorded on one thread while
/// the HTML's are made on another, a chart could pick up the other document's font halfway through its labels
/// (one heatmap page in a few hundred drew some of its values with the whole Noto Sans instead of the PDF's subset,
/// so the PDF changed from one build to the next). Applied once the plot is complete, it touches nothing else.
/// </summary>
internal static class PlotFont
{
    public static void Apply(Plot plot, string fontName)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Axes.Title.Label.FontName = fontName;
        foreach (var axis in plot.Axes.GetAxes())
        {
            Apply(axis, fontName);
        }

        foreach (var panel in plot.Axes.GetPanels())
        {
            if (panel is ScottPlot.Panels.ColorBar colorBar)
            {
                colorBar.LabelStyle.FontName = fontName;
                Apply(colorBar.Axis, fontName);
            }
        }

        plot.Legend.FontName = fontName;
        foreach (var plottable in plot.GetPlottables())
        {
            switch (plottable)
            {
                case ScottPlot.Plottables.Text text:
                    text.LabelFontName = fontName;
                    break;
                case HeatmapValueLabels labels:
                    labels.FontName = fontName;
                    break;
            }
        }
    }

    private static void Apply(IAxis axis, string fontName)
    {
        axis.Label.FontName = fontName;
        axis.TickLabelStyle.FontName = fontName;
    }
}
