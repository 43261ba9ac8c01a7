using System.Globalization;
using Reports.Rendering.Pdf;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// The overview of every feature (<see cref="FeatureOverviewModel"/>): a column per feature or bin, a row per category,
/// Viridis cells as in the heatmap, each group of columns bracketed and labelled with its category and feature count,
/// the columns the heatmap shows ticked underneath, and a colour bar. Drawn by hand rather than by ScottPlot: thousands of
/// thin columns are runs of vector rectangles (one per run of equal colour), and every label is the document's own
/// shaped text, searchable in the PDF.
/// </summary>
/// <remarks>
/// Lengths are in points for the PDF; <c>scale</c> multiplies the text and the margins (2 in the PNG, in pixels),
/// while the cells share whatever width is left.
/// </remarks>
public static class FeatureOverview
{
    /// <summary>Most columns: across the PDF's landscape page (about 600 pt of cells) a column stays at least half a point wide.</summary>
    public const int MaxColumns = 1_200;

    /// <summary>The label under the ticks that mark the heatmap's features.</summary>
    internal const string HeatmapMarkLabel = "in the heatmap";

    internal const string ColorBarTitle = "Mean activation";

    private const float FontSize = 7.5f;
    private const float RowsHeight = 260;
    private const float LongestRotatedLabel = 110;
    private static readonly SKColor Ink = new(0x33, 0x33, 0x33);
    private static readonly SKColor RuleColor = new(0x99, 0x99, 0x99);

    /// <summary>The figure's height for a width: rows share about 260 units, from 5 to 36 each.</summary>
    internal static float Height(FeatureOverviewModel model, FontSet fonts, float width, float scale = 1)
    {
        var layout = Layout.Of(model, fonts, width, scale);
        var rowHeight = Math.Clamp(RowsHeight / Math.Max(1, model.RowLabels.Count), 5, 36) * scale;
        return layout.Top + (rowHeight * model.RowLabels.Count) + layout.Bottom;
    }

    /// <summary>Every text the figure draws, so a document can subset its fonts to them.</summary>
    internal static IEnumerable<string> Texts(FeatureOverviewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.RowLabels, .. model.Groups.Select(GroupLabel), HeatmapMarkLabel, ColorBarTitle, "…"];
    }

    internal static string GroupLabel(OverviewGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Label + " " + CountLabel(group);
    }

    private static string CountLabel(OverviewGroup group) => string.Create(CultureInfo.InvariantCulture, $"({group.FeatureCount:N0})");

    /// <param name="pixelAligned">Whether column edges fall on whole units (a bitmap): crisp edges without blending neighbours.</param>
    internal static void Draw(SKCanvas canvas, SKRect area, FeatureOverviewModel model, FontSet fonts, float scale = 1, bool pixelAligned = false)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        var layout = Layout.Of(model, fonts, area.Width, scale);
        var rows = model.RowLabels.Count;
        var cellsLeft = area.Left + layout.Left;
        var cellsTop = area.Top + layout.Top;
        var rowHeight = Math.Max(1, area.Height - layout.Top - layout.Bottom) / Math.Max(1, rows);
        var columns = new ColumnEdges(model, cellsLeft, area.Right - layout.Right, scale, pixelAligned);
        var style = new TextStyle(FontSize * scale) { Color = Ink };

        DrawCells(canvas, model, columns, cellsTop, rowHeight, scale, pixelAligned);
        var rowStyle = style with { Size = Math.Min(style.Size, rowHeight * 0.8f) };
        for (var r = 0; r < rows; r++)
        {
            var label = Fit(fonts, model.RowLabels[r], rowStyle, layout.Left - (6 * scale));
            var baseline = cellsTop + (r * rowHeight) + (rowHeight / 2) + (rowStyle.Size * 0.35f);
            fonts.Draw(canvas, label, cellsLeft - (4 * scale) - fonts.Measure(label, rowStyle), baseline, rowStyle);
        }

        var cellsBottom = cellsTop + (rows * rowHeight);
        DrawGroupLabels(canvas, model, fonts, columns, layout, cellsTop, style, scale);
        if (model.MarksHeatmapFeatures)
        {
            DrawHeatmapMarks(canvas, model, fonts, columns, cellsLeft, cellsBottom, style, scale);
        }

        DrawColorBar(canvas, model, fonts, columns.Right + (10 * scale), cellsTop, cellsBottom, style, scale);
    }

    /// <summary>Each row's cells left to right, a rectangle per run of equal colour within a group.</summary>
    private static void DrawCells(SKCanvas canvas, FeatureOverviewModel model, ColumnEdges columns, float top, float rowHeight, float scale, bool pixelAligned)
    {
        var viridis = new ScottPlot.Colormaps.Viridis();
        var (min, max) = model.ColorRange;
        // A hairline of white between rows; in a vector document a run reaches a little under its right neighbour,
        // drawn next, so viewers that smooth edges show no light seam between them.
        var rowGap = Math.Min(1 * scale, rowHeight * 0.12f);
        var overlap = pixelAligned ? 0 : 0.3f * scale;
        using var paint = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = !pixelAligned };
        for (var r = 0; r < model.RowLabels.Count; r++)
        {
            var y0 = top + (r * rowHeight);
            var y1 = y0 + rowHeight - rowGap;
            if (pixelAligned)
            {
                (y0, y1) = (MathF.Round(y0), MathF.Round(y1));
            }

            foreach (var group in model.Groups)
            {
                var end = group.FirstColumn + group.ColumnCount;
                for (var c = group.FirstColumn; c < end;)
                {
                    if (model.Values[r, c] is not { } value)
                    {
                        c++;
                        continue;
                    }

                    var color = Color(viridis, value, min, max);
                    var runEnd = c + 1;
                    while (runEnd < end && model.Values[r, runEnd] is { } next && Color(viridis, next, min, max) == color)
                    {
                        runEnd++;
                    }

                    var right = columns.RightOf(runEnd - 1);
                    if (runEnd < end && model.Values[r, runEnd] is not null)
                    {
                        right += overlap;
                    }

                    paint.Color = color;
                    canvas.DrawRect(new SKRect(columns.LeftOf(c), y0, right, y1), paint);
                    c = runEnd;
                }
            }
        }
    }

    /// <summary>Above each group, a bracket over its columns and its label: level when every label fits its group, else upright, spread apart with a leader to the group.</summary>
    private static void DrawGroupLabels(SKCanvas canvas, FeatureOverviewModel model, FontSet fonts, ColumnEdges columns, Layout layout, float cellsTop, TextStyle style, float scale)
    {
        using var rule = new SKPaint { Color = RuleColor, StrokeWidth = 0.6f * scale, Style = SKPaintStyle.Stroke, IsAntialias = true };
        var bracket = cellsTop - (3 * scale);
        var centres = new float[model.Groups.Count];
        for (var g = 0; g < model.Groups.Count; g++)
        {
            var group = model.Groups[g];
            var left = columns.LeftOf(group.FirstColumn);
            var right = columns.RightOf(group.FirstColumn + group.ColumnCount - 1);
            centres[g] = (left + right) / 2;
            canvas.DrawLine(left, bracket, right, bracket, rule);
            canvas.DrawLine(left, bracket, left, cellsTop - (1 * scale), rule);
            canvas.DrawLine(right, bracket, right, cellsTop - (1 * scale), rule);
        }

        if (layout.LevelLines > 0)
        {
            for (var g = 0; g < model.Groups.Count; g++)
            {
                // One line, "name (count)"; or, where a group is narrower than that, the count under the name.
                string[] lines = layout.LevelLines == 1 ? [GroupLabel(model.Groups[g])] : [model.Groups[g].Label, CountLabel(model.Groups[g])];
                for (var i = 0; i < lines.Length; i++)
                {
                    var baseline = bracket - (3 * scale) - ((lines.Length - 1 - i) * style.LineHeight);
                    fonts.Draw(canvas, lines[i], centres[g] - (fonts.Measure(lines[i], style) / 2), baseline, style);
                }
            }

            return;
        }

        // Upright labels need a line's height each: pushed right where they would overlap, then back left from the edge.
        var spacing = style.Size * 1.2f;
        var positions = (float[])centres.Clone();
        for (var g = 1; g < positions.Length; g++)
        {
            positions[g] = Math.Max(positions[g], positions[g - 1] + spacing);
        }

        var limit = columns.Right + (8 * scale);
        for (var g = positions.Length - 1; g >= 0; g--)
        {
            positions[g] = Math.Min(positions[g], g == positions.Length - 1 ? limit : positions[g + 1] - spacing);
        }

        var labelBottom = cellsTop - (14 * scale);
        for (var g = 0; g < model.Groups.Count; g++)
        {
            canvas.DrawLine(centres[g], bracket, positions[g], labelBottom + (2 * scale), rule);
            var label = Fit(fonts, GroupLabel(model.Groups[g]), style, LongestRotatedLabel * scale);
            canvas.Save();
            canvas.Translate(positions[g] + (style.Size * 0.35f), labelBottom);
            canvas.RotateDegrees(-90);
            fonts.Draw(canvas, label, 0, 0, style);
            canvas.Restore();
        }
    }

    /// <summary>A tick under every column that holds a feature the heatmap shows.</summary>
    private static void DrawHeatmapMarks(SKCanvas canvas, FeatureOverviewModel model, FontSet fonts, ColumnEdges columns, float cellsLeft, float cellsBottom, TextStyle style, float scale)
    {
        var top = cellsBottom + (2 * scale);
        var bottom = top + (4 * scale);
        using var paint = new SKPaint { Color = Ink, Style = SKPaintStyle.Fill, IsAntialias = true };
        for (var c = 0; c < model.Columns.Count; c++)
        {
            if (model.Columns[c].InHeatmap)
            {
                var left = columns.LeftOf(c);
                canvas.DrawRect(new SKRect(left, top, Math.Max(columns.RightOf(c), left + (0.6f * scale)), bottom), paint);
            }
        }

        var small = style with { Size = style.Size * 0.85f };
        fonts.Draw(canvas, HeatmapMarkLabel, cellsLeft - (4 * scale) - fonts.Measure(HeatmapMarkLabel, small), bottom, small);
    }

    /// <summary>Viridis from the smallest mean activation (bottom) to the largest (top), with both ends and the middle labelled.</summary>
    private static void DrawColorBar(SKCanvas canvas, FeatureOverviewModel model, FontSet fonts, float left, float top, float bottom, TextStyle style, float scale)
    {
        const int Steps = 64;
        var viridis = new ScottPlot.Colormaps.Viridis();
        var width = 8 * scale;
        var step = (bottom - top) / Steps;
        using var paint = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        for (var i = 0; i < Steps; i++)
        {
            var c = viridis.GetColor(1 - ((i + 0.5) / Steps));
            paint.Color = new SKColor(c.R, c.G, c.B);
            canvas.DrawRect(new SKRect(left, top + (i * step), left + width, top + ((i + 1) * step) + (i < Steps - 1 ? 0.3f * scale : 0)), paint);
        }

        using var border = new SKPaint { Color = RuleColor, StrokeWidth = 0.5f * scale, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(new SKRect(left, top, left + width, bottom), border);
        var (min, max) = model.ColorRange;
        var labelsLeft = left + width + (3 * scale);
        var widest = 0f;
        foreach (var (value, y) in new[] { (max, top), ((min + max) / 2, (top + bottom) / 2), (min, bottom) })
        {
            var text = Number(value);
            widest = Math.Max(widest, fonts.Measure(text, style));
            canvas.DrawLine(left + width, y, left + width + (2 * scale), y, border);
            fonts.Draw(canvas, text, labelsLeft, y + (style.Size * 0.35f), style);
        }

        canvas.Save();
        var titleWidth = fonts.Measure(ColorBarTitle, style);
        canvas.Translate(labelsLeft + widest + (4 * scale) + style.Size, ((top + bottom) / 2) + (titleWidth / 2));
        canvas.RotateDegrees(-90);
        fonts.Draw(canvas, ColorBarTitle, 0, 0, style);
        canvas.Restore();
    }

    private static SKColor Color(ScottPlot.Colormaps.Viridis viridis, double value, double min, double max)
    {
        var c = viridis.GetColor(max > min ? Math.Clamp((value - min) / (max - min), 0, 1) : 0);
        return new SKColor(c.R, c.G, c.B);
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The text, or as much of it as fits the width followed by "…".</summary>
    private static string Fit(FontSet fonts, string text, TextStyle style, float width)
    {
        if (fonts.Measure(text, style) <= width)
        {
            return text;
        }

        var elements = StringInfo.ParseCombiningCharacters(text);
        for (var keep = elements.Length - 1; keep > 0; keep--)
        {
            var cut = text[..elements[keep]] + "…";
            if (fonts.Measure(cut, style) <= width)
            {
                return cut;
            }
        }

        return "…";
    }

    /// <summary>The margins around the cells: row labels left, group labels above, marks below, colour bar right.</summary>
    /// <param name="LevelLines">The group labels' lines when level (1 or 2); 0 when they stand upright.</param>
    private sealed record Layout(float Left, float Top, float Right, float Bottom, int LevelLines)
    {
        public static Layout Of(FeatureOverviewModel model, FontSet fonts, float width, float scale)
        {
            var style = new TextStyle(FontSize * scale);
            var rowLabels = model.RowLabels.Select(l => fonts.Measure(l, style)).DefaultIfEmpty(0).Max();
            var markLabel = model.MarksHeatmapFeatures ? fonts.Measure(HeatmapMarkLabel, style with { Size = style.Size * 0.85f }) : 0;
            var left = Math.Min(Math.Max(rowLabels, markLabel), Math.Min(150 * scale, width / 5)) + (6 * scale);
            var numbers = new[] { model.ColorRange.Min, model.ColorRange.Max }.Max(v => fonts.Measure(Number(v), style));
            var right = (10 + 8 + 3 + 4 + 2) * scale + numbers + (style.Size * 1.3f);

            // Level labels when each fits over its group on one line or two, judged on the cells' width without the
            // group gaps; else upright.
            var cells = width - left - right;
            var columns = Math.Max(1, model.Columns.Count);
            var room = model.Groups.Select(g => (cells * g.ColumnCount / columns) - (4 * scale)).ToArray();
            var labels = model.Groups.Select(g => fonts.Measure(GroupLabel(g), style)).ToArray();
            var lines = model.Groups.Select((g, i) => labels[i] <= room[i]).All(fits => fits) ? 1
                : model.Groups.Select((g, i) => Math.Max(fonts.Measure(g.Label, style), fonts.Measure(CountLabel(g), style)) <= room[i]).All(fits => fits) ? 2
                : 0;
            var top = lines > 0
                ? (lines * style.LineHeight) + (5 * scale)
                : Math.Min(labels.DefaultIfEmpty(0).Max(), LongestRotatedLabel * scale) + (16 * scale);
            var bottom = (model.MarksHeatmapFeatures ? 8 : 2) * scale;
            return new Layout(left, top, right, bottom, lines);
        }
    }

    /// <summary>Where each column lies: equal widths, a small gap between groups.</summary>
    private sealed class ColumnEdges
    {
        private readonly int[] groupOf;
        private readonly float left;
        private readonly float width;
        private readonly float gap;
        private readonly bool pixelAligned;

        public ColumnEdges(FeatureOverviewModel model, float left, float right, float scale, bool pixelAligned)
        {
            groupOf = new int[model.Columns.Count];
            foreach (var (group, g) in model.Groups.Select((group, g) => (group, g)))
            {
                Array.Fill(groupOf, g, group.FirstColumn, group.ColumnCount);
            }

            var gaps = Math.Max(0, model.Groups.Count - 1);
            gap = Math.Min(2 * scale, (right - left) * 0.1f / Math.Max(1, gaps));
            width = (right - left - (gaps * gap)) / Math.Max(1, model.Columns.Count);
            this.left = left;
            this.pixelAligned = pixelAligned;
            Right = model.Columns.Count == 0 ? right : RightOf(model.Columns.Count - 1);
        }

        public float Right { get; }

        public float LeftOf(int column) => Snap(left + (column * width) + (groupOf[column] * gap));

        public float RightOf(int column) => Snap(left + ((column + 1) * width) + (groupOf[column] * gap));

        private float Snap(float x) => pixelAligned ? MathF.Round(x) : x;
    }
}
