using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// The notebook's heatmap with ScottPlot 5: Viridis cells drawn as vector rectangles, each cell's value to three
/// decimals in white, blank cells for missing data, a titled colour bar, and feature ticks at 45 degrees.
/// </summary>
internal static class ActivationHeatmap
{
    /// <summary>The value labels' size in logical pixels; at a scale that draws them smaller than <see cref="MinimumTextPixels"/> they are left out.</summary>
    public const float ValueLabelSize = 10;

    /// <summary>Text drawn smaller than this many pixels cannot be read: a scaled-down heatmap leaves it out instead of smudging it.</summary>
    public const float MinimumTextPixels = 6;

    /// <summary>Builds the plot of columns [firstColumn, firstColumn + columnCount) with the given colour range.</summary>
    /// <param name="fontName">A family registered with the shipped-font resolver; the shipped Noto Sans by default.</param>
    /// <param name="scale">The scale it will be drawn at: value labels it would draw too small to read are left out.</param>
    public static Plot CreatePlot(HeatmapModel model, int firstColumn, int columnCount, (double Min, double Max) colorRange, string? fontName = null, float scale = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ShippedFontResolver.Install();
        var rows = model.RowLabels.Count;
        // ScottPlot 5.1.59 draws no cells for a heatmap of one row: one category gets a blank row of NaN below it,
        // outside the axis limits, so there are two.
        var drawnRows = Math.Max(rows, 2);
        var intensities = new double[drawnRows, columnCount];
        for (var r = 0; r < drawnRows; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                intensities[r, c] = r < rows ? model.Values[r, firstColumn + c] ?? double.NaN : double.NaN;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(colorRange.Min, colorRange.Max);
        heatmap.NaNCellColor = Colors.Transparent;
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        // Cell (r, c) spans x in [c, c + 1] and y in [rows - r - 1, rows - r]: data row 0 is drawn at the top.
        heatmap.Rectangle = new CoordinateRect(0, columnCount, rows - drawnRows, rows);

        if (ValueLabelSize * scale >= MinimumTextPixels)
        {
            AddValueLabels(plot, model, firstColumn, columnCount);
        }

        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = model.ColorBarTitle;

        plot.Title(model.Title);
        plot.XLabel(model.XAxisTitle);
        plot.YLabel(model.YAxisTitle);
        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, columnCount).Select(c => c + 0.5)],
            [.. model.ColumnLabels.Skip(firstColumn).Take(columnCount)]);
        plot.Axes.Left.SetTicks(
            [.. Enumerable.Range(0, rows).Select(r => rows - r - 0.5)],
            [.. model.RowLabels.Select(l => ShapedTickLabels.ScottPlotCanDraw(l) ? l : "")]);
        if (model.RowLabels.Any(l => !ShapedTickLabels.ScottPlotCanDraw(l)))
        {
            plot.RenderManager.RenderActions.Add(new ShapedTickLabels
            {
                Edge = Edge.Left,
                FontSize = plot.Axes.Left.TickLabelStyle.FontSize,
                Labels = [.. model.RowLabels.Select((l, r) => (Position: rows - r - 0.5, Text: l)).Where(l => !ShapedTickLabels.ScottPlotCanDraw(l.Text))],
            });
        }
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.SetLimits(0, columnCount, 0, rows);
        plot.HideGrid();
        plot.Layout.Fixed(new PixelPadding(HeatmapGeometry.Left, HeatmapGeometry.Right, HeatmapGeometry.Bottom, HeatmapGeometry.Top));
        PlotFont.Apply(plot, fontName ?? Typography.ShippedFonts.FamilyName);
        return plot;
    }

    private static void AddValueLabels(Plot plot, HeatmapModel model, int firstColumn, int columnCount)
    {
        var rows = model.RowLabels.Count;
        var labels = new string?[rows, columnCount];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columnCount; c++)
            {
                labels[r, c] = model.Values[r, firstColumn + c] is { } value ? PythonFormat.RoundedRepr(value, 3) : null;
            }
        }

        plot.Add.Plottable(new HeatmapValueLabels(labels) { FontSize = ValueLabelSize, Color = SKColors.White });
    }

    /// <summary>The widest PNG written; a wider heatmap is scaled down to it (the PDF's pages stay readable).</summary>
    public const int MaxPngWidth = 32_000;

    /// <summary>
    /// Writes the whole heatmap (every column) as a PNG at the given scale (2 = twice the notebook's pixels), or at
    /// the scale that keeps it within <see cref="MaxPngWidth"/>: 2,000 features at 2x would be a 240,000-pixel,
    /// gigabyte bitmap. Scaled down that far, the cells' values would be a few pixels high: they are left out (the
    /// PDF's heatmap pages and aggregate.csv give them), which also spares drawing tens of thousands of labels.
    /// </summary>
    public static void SavePng(HeatmapModel model, Stream destination, float scale = 2)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(destination);
        var columns = model.ColumnLabels.Count;
        var (width, height) = HeatmapGeometry.FigureSize(columns, model.RowLabels.Count);
        scale = Math.Min(scale, Math.Min((float)MaxPngWidth / width, (float)MaxPngWidth / height));
        var plot = CreatePlot(model, 0, columns, model.ValueRange(), scale: scale);
        plot.ScaleFactor = scale;
        PlotRendering.Png(plot, (int)(width * scale), (int)(height * scale), destination);
    }

    /// <summary>Draws part of the heatmap as vectors onto a canvas (a PDF page), filling the given rectangle.</summary>
    public static void Draw(SKCanvas canvas, SKRect area, HeatmapModel model, int firstColumn, int columnCount, (double Min, double Max) colorRange, string? fontName = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        PlotRendering.Draw(CreatePlot(model, firstColumn, columnCount, colorRange, fontName), canvas, area);
    }

    /// <summary>Every text the plot of these columns draws, so a document can subset its fonts to them.</summary>
    public static IEnumerable<string> Texts(HeatmapModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [model.Title, model.XAxisTitle, model.YAxisTitle, model.ColorBarTitle, .. model.ColumnLabels, .. model.RowLabels];
    }
}
