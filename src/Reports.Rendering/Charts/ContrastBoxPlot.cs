using System.Globalization;
using Reports.Rendering.Pdf;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// Per category, a box plot of the Cohen's d of the features most specific to it: the box from the first to the third
/// quartile with the median, whiskers to the furthest d within 1.5 interquartile ranges of the box (Tukey's; a few
/// features with almost no spread have a d in the tens, which would squeeze every box into a corner), and a line at
/// d = 0.8, "large" by Cohen's convention. Categories in the report's order and colours (<see cref="CategoryPalette"/>), as on the feature pages.
/// </summary>
public static class ContrastBoxPlot
{
    /// <summary>Cohen's threshold for a large effect.</summary>
    public const double Large = 0.8;

    internal const string AxisTitle = "Cohen's d of the features most specific to the category (against their other prompts)";

    internal const string Note = "Per category, the d of the features most specific to it: the box spans the middle half (first to third quartile) with the median as a black line; the whiskers reach the furthest d within 1.5 times the box's width (the table gives the extremes); the dashed line is d = 0.8.";

    private const string LargeLabel = "d = 0.8 (large)";
    private const float FontSize = 7.5f;
    private static readonly SKColor Ink = new(0x33, 0x33, 0x33);
    private static readonly SKColor Grid = new(0xdd, 0xdd, 0xdd);

    internal static float Height(IReadOnlyList<ContrastBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        return 14 + (RowHeight(boxes) * boxes.Count) + 30;
    }

    internal static IEnumerable<string> Texts(IReadOnlyList<ContrastBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        return [.. boxes.Select(b => b.Label), .. boxes.Select(CountText), AxisTitle, LargeLabel];
    }

    internal static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<ContrastBox> boxes, FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(fonts);
        var style = new TextStyle(FontSize) { Color = Ink };
        var rowHeight = RowHeight(boxes);
        var left = area.Left + Math.Min(boxes.Select(b => fonts.Measure(b.Label, style)).DefaultIfEmpty(0).Max(), 150) + 8;
        var right = area.Right - boxes.Select(b => fonts.Measure(CountText(b), style)).DefaultIfEmpty(0).Max() - 8;
        var top = area.Top + 14;
        var bottom = top + (rowHeight * boxes.Count);
        var drawn = boxes.Where(b => b.Count > 0).ToArray();
        var low = Math.Min(0, drawn.Select(b => b.LowerWhisker).DefaultIfEmpty(0).Min());
        var high = Math.Max(Large + 0.2, drawn.Select(b => b.UpperWhisker).DefaultIfEmpty(1).Max());
        var step = NiceStep((high - low) / 6);
        low = Math.Floor(low / step) * step;
        high = Math.Ceiling(high / step) * step;
        float X(double d) => left + (float)((d - low) / (high - low) * (right - left));

        using var grid = new SKPaint { Color = Grid, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var axis = new SKPaint { Color = Ink, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        for (var tick = low; tick <= high + (step / 2); tick += step)
        {
            var x = X(tick);
            canvas.DrawLine(x, top, x, bottom, grid);
            canvas.DrawLine(x, bottom, x, bottom + 3, axis);
            var text = Number(tick);
            fonts.Draw(canvas, text, x - (fonts.Measure(text, style) / 2), bottom + 3 + (style.Size * 1.2f), style);
        }

        canvas.DrawLine(left, bottom, right, bottom, axis);
        fonts.Draw(canvas, AxisTitle, ((left + right) / 2) - (fonts.Measure(AxisTitle, style) / 2), bottom + 6 + (style.Size * 2.4f), style);

        using var large = new SKPaint { Color = new SKColor(0xc0, 0x39, 0x2b), StrokeWidth = 0.8f, Style = SKPaintStyle.Stroke, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([3, 2], 0) };
        canvas.DrawLine(X(Large), top - 2, X(Large), bottom, large);
        fonts.Draw(canvas, LargeLabel, X(Large) - (fonts.Measure(LargeLabel, style) / 2), top - 4, style with { Color = large.Color });

        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var line = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
        using var median = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 1.6f, IsAntialias = true };
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            var middle = top + (rowHeight * (i + 0.5f));
            fonts.Draw(canvas, box.Label, left - 6 - fonts.Measure(box.Label, style), middle + (style.Size * 0.35f), style);
            fonts.Draw(canvas, CountText(box), right + 6, middle + (style.Size * 0.35f), style);
            if (box.Count == 0)
            {
                continue;
            }

            var color = CategoryPalette.Of(i);
            var ink = new SKColor(color.R, color.G, color.B);
            var half = Math.Min(rowHeight * 0.32f, 6);
            line.Color = ink;
            canvas.DrawLine(X(box.LowerWhisker), middle, X(box.Quartile1), middle, line);
            canvas.DrawLine(X(box.Quartile3), middle, X(box.UpperWhisker), middle, line);
            canvas.DrawLine(X(box.LowerWhisker), middle - (half / 2), X(box.LowerWhisker), middle + (half / 2), line);
            canvas.DrawLine(X(box.UpperWhisker), middle - (half / 2), X(box.UpperWhisker), middle + (half / 2), line);
            var rect = new SKRect(X(box.Quartile1), middle - half, Math.Max(X(box.Quartile3), X(box.Quartile1) + 0.5f), middle + half);
            fill.Color = ink.WithAlpha(0x55);
            canvas.DrawRect(rect, fill);
            canvas.DrawRect(rect, line);
            canvas.DrawLine(X(box.Median), middle - half, X(box.Median), middle + half, median);
        }
    }

    private static float RowHeight(IReadOnlyList<ContrastBox> boxes) => Math.Clamp(220f / Math.Max(1, boxes.Count), 8, 18);

    private static string CountText(ContrastBox box) => string.Create(CultureInfo.InvariantCulture, $"n = {box.Count:N0}");

    // A hyphen-minus, as the table writes it: Noto Sans has no U+2212, which would embed Noto Sans Math for one glyph.
    private static string Number(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);

    /// <summary>1, 2 or 5 times a power of ten, at least the given step.</summary>
    private static double NiceStep(double rough)
    {
        if (!(rough > 0))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough * 0.999);
    }
}
