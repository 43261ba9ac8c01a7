using System.Runtime.InteropServices;
using Reports.Rendering.Typography;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// A heatmap's cell values as one plottable: each row of labels is one run of glyphs, centred on its cells. ScottPlot's
/// <c>Text</c> plottable per cell drew every label with its own clip, transform and text object, and at a size whose
/// glyph advances were not exact, so the PDF moved the pen before every digit: the heatmap pages outweighed the rest of
/// the report's page content. Here the size sits on the advance grid (<see cref="AdvanceGrid"/>), so a PDF
/// writes each label as one string and each row as one text object.
/// </summary>
internal sealed class HeatmapValueLabels(string?[,] labels) : IPlottable
{
    /// <summary>Labels by (row, column); null leaves the cell blank. Row 0 is drawn at the top.</summary>
    public string?[,] Labels { get; } = labels;

    /// <summary>A family the plot's font resolvers know (set by <see cref="PlotFont"/>).</summary>
    public string FontName { get; set; } = ShippedFonts.FamilyName;

    public float FontSize { get; set; } = 10;

    public SKColor Color { get; set; } = SKColors.White;

    public bool IsVisible { get; set; } = true;

    public IAxes Axes { get; set; } = new ScottPlot.Axes();

    public IEnumerable<LegendItem> LegendItems => [];

    /// <summary>Cell (r, c) spans x in [c, c + 1] and y in [rows - r - 1, rows - r], as the heatmap's cells do.</summary>
    public AxisLimits GetAxisLimits() => new(0, Labels.GetLength(1), 0, Labels.GetLength(0));

    public void Render(RenderPack rp)
    {
        ArgumentNullException.ThrowIfNull(rp);
        var typeface = Fonts.GetTypeface(FontName, bold: false, italic: false);
        var scale = AdvanceGrid.Scale(FontSize, typeface.UnitsPerEm);
        using var font = AdvanceGrid.Font(typeface, FontSize);
        using var paint = new SKPaint { Color = Color, IsAntialias = true };
        // Advances in font units times the grid scale, as the PDF backend computes them (SKFont's own widths at this
        // size differ in the last bits, and every difference would cost a move).
        using var unitFont = new SKFont(typeface, typeface.UnitsPerEm) { LinearMetrics = true, Hinting = SKFontHinting.None };
        font.GetFontMetrics(out var metrics);
        // The middle of the line box (ascent to descent) on the cell's centre, as a middle-aligned label is placed.
        var baselineShift = -(metrics.Ascent + metrics.Descent) / 2;

        var rows = Labels.GetLength(0);
        var columns = Labels.GetLength(1);
        using var builder = new SKTextBlobBuilder();
        var glyphs = new List<ushort>();
        var positions = new List<float>();
        for (var r = 0; r < rows; r++)
        {
            glyphs.Clear();
            positions.Clear();
            for (var c = 0; c < columns; c++)
            {
                if (Labels[r, c] is not { Length: > 0 } label)
                {
                    continue;
                }

                var labelGlyphs = font.GetGlyphs(label);
                var units = Array.ConvertAll(unitFont.GetGlyphWidths(labelGlyphs), MathF.Round); // whole font units, as in the font
                // Started on the 1/4096 grid, the pen adds exact advances: each label stays one string.
                var pen = AdvanceGrid.Position(Axes.GetPixelX(c + 0.5) - (units.Sum() * scale / 2));
                for (var g = 0; g < labelGlyphs.Length; g++)
                {
                    glyphs.Add(labelGlyphs[g]);
                    positions.Add(pen);
                    pen += units[g] * scale;
                }
            }

            if (glyphs.Count > 0)
            {
                var y = Axes.GetPixelY(rows - r - 0.5) + baselineShift;
                builder.AddHorizontalRun(CollectionsMarshal.AsSpan(glyphs), font, CollectionsMarshal.AsSpan(positions), y);
            }
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            rp.Canvas.DrawText(blob, 0, 0, paint);
        }
    }
}
