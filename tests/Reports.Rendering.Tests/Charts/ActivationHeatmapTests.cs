using Reports.Rendering.Charts;
using Reports.Tests;
using SkiaSharp;

namespace Reports.Rendering.Tests.Charts;

public sealed class ActivationHeatmapTests
{
    private const int Scale = 2;

    // Distinct values spread over the scale; (0, 2) has no data, so a label drawn on the wrong row would land on it.
    private static readonly HeatmapModel Model = new(
        ["10", "20", "30", "40"],
        ["analysis", "code", "therapy"],
        new double?[,]
        {
            { 0.0, 1.0, null, 3.0 },
            { 4.0, 5.0, 2.0, 7.0 },
            { 8.0, 9.0, 10.0, 11.0 },
        });

    [Fact]
    public void Each_cell_has_the_viridis_colour_of_its_own_value_and_row_0_is_at_the_top()
    {
        using var bitmap = Render(Model);
        var viridis = new ScottPlot.Colormaps.Viridis();

        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                // A point inside the cell but away from its centred label.
                var pixel = bitmap.GetPixel(CellCenterX(c) - (22 * Scale), CellCenterY(r) + (20 * Scale));
                if (Model.Values[r, c] is { } value)
                {
                    var expected = viridis.GetColor(value / 11.0);
                    AssertClose(expected.Red, pixel.Red, $"cell ({r},{c}) red");
                    AssertClose(expected.Green, pixel.Green, $"cell ({r},{c}) green");
                    AssertClose(expected.Blue, pixel.Blue, $"cell ({r},{c}) blue");
                }
                else
                {
                    Assert.Equal(SKColors.White, pixel);
                }
            }
        }
    }

    [Fact]
    public void Each_value_label_sits_on_its_own_cell_and_a_blank_cell_has_none()
    {
        using var bitmap = Render(Model);

        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                var whiteInCentre = CountWhite(bitmap, CellCenterX(c), CellCenterY(r), halfWidth: 18 * Scale, halfHeight: 7 * Scale);
                if (Model.Values[r, c] is null)
                {
                    // The blank cell is all background: nothing but white, and no dark text pixels.
                    Assert.Equal((36 * Scale + 1) * (14 * Scale + 1), whiteInCentre);
                }
                else
                {
                    Assert.True(whiteInCentre > 20, $"no white label text in cell ({r},{c})");
                }
            }
        }
    }

    [Fact]
    public void Cells_are_square_and_the_png_is_twice_the_figure_size()
    {
        using var bitmap = Render(Model);
        var (width, height) = HeatmapGeometry.FigureSize(4, 3);

        Assert.Equal(width * Scale, bitmap.Width);
        Assert.Equal(height * Scale, bitmap.Height);
        // The edges of the top-left cell (value 0, darkest purple) are one cell size apart in both directions.
        var top = CellCenterY(0);
        var left = CellCenterX(0);
        var inside = bitmap.GetPixel(left - (22 * Scale), top + (20 * Scale));
        Assert.Equal(inside, bitmap.GetPixel(left - (28 * Scale), top - (28 * Scale)));
        Assert.NotEqual(inside, bitmap.GetPixel(left + (32 * Scale), top - (28 * Scale)));
        Assert.NotEqual(inside, bitmap.GetPixel(left - (28 * Scale), top + (32 * Scale)));
    }

    [Fact]
    public void The_same_model_gives_the_same_bytes()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        ActivationHeatmap.SavePng(Model, first, Scale);
        ActivationHeatmap.SavePng(Model, second, Scale);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void A_heatmap_too_wide_for_2x_is_scaled_down_to_the_widest_png()
    {
        const int Columns = 600;
        var values = new double?[1, Columns];
        for (var c = 0; c < Columns; c++)
        {
            values[0, c] = c;
        }

        using var bitmap = Render(new HeatmapModel([.. Enumerable.Range(0, Columns).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))], ["code"], values));

        var (width, height) = HeatmapGeometry.FigureSize(Columns, 1);
        Assert.True(width * Scale > ActivationHeatmap.MaxPngWidth);
        Assert.InRange(bitmap.Width, ActivationHeatmap.MaxPngWidth - 2, ActivationHeatmap.MaxPngWidth);
        Assert.InRange(bitmap.Height, (height * bitmap.Width / width) - 2, (height * bitmap.Width / width) + 2);
    }

    [Fact]
    public void A_heatmap_scaled_down_until_its_values_are_unreadable_has_plain_cells()
    {
        const int Columns = 1200;
        var values = new double?[2, Columns];
        for (var c = 0; c < Columns; c++)
        {
            values[0, c] = values[1, c] = c % 2 == 0 ? 1.0 : 9.0;
        }

        using var bitmap = Render(new HeatmapModel([.. Enumerable.Range(0, Columns).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))], ["code", "math"], values));

        // The labels are white on purple (68, 1, 84) and yellow (253, 231, 37) cells: any text, even blended into the
        // cells at a few pixels, lifts both green and blue where neither cell nor the edge between two has them.
        var scale = (float)bitmap.Width / HeatmapGeometry.FigureSize(Columns, 2).Width;
        Assert.True(ActivationHeatmap.ValueLabelSize * scale < ActivationHeatmap.MinimumTextPixels);
        var y = (int)((HeatmapGeometry.Top + (HeatmapGeometry.CellSize / 2)) * scale);
        var left = (int)(HeatmapGeometry.Left * scale) + 2;
        var right = (int)((HeatmapGeometry.Left + (Columns * HeatmapGeometry.CellSize)) * scale) - 2;
        var lifted = 0;
        for (var x = left; x < right; x++)
        {
            for (var dy = -3; dy <= 3; dy++)
            {
                var p = bitmap.GetPixel(x, y + dy);
                lifted += p.Green > 60 && p.Blue > 110 ? 1 : 0;
            }
        }

        Assert.Equal(0, lifted);
    }

    [Fact]
    public void A_heatmap_of_one_category_has_the_colour_of_each_value()
    {
        var model = new HeatmapModel(["10", "20", "30"], ["code"], new double?[,] { { 1.0, 5.0, 9.0 } });
        using var bitmap = Render(model);
        var viridis = new ScottPlot.Colormaps.Viridis();

        for (var c = 0; c < 3; c++)
        {
            var pixel = bitmap.GetPixel(CellCenterX(c) - (22 * Scale), CellCenterY(0) + (20 * Scale));
            var expected = viridis.GetColor((model.Values[0, c]!.Value - 1.0) / 8.0);
            AssertClose(expected.Red, pixel.Red, $"cell {c} red");
            AssertClose(expected.Green, pixel.Green, $"cell {c} green");
            AssertClose(expected.Blue, pixel.Blue, $"cell {c} blue");
        }
    }

    [Fact]
    public void In_a_pdf_each_value_label_is_one_string_and_reads_back_whole()
    {
        // Skia's PDF backend moves the pen before any glyph that is not exactly one advance after the last: labels off
        // its advance grid cost a move per digit, which made the heatmap pages half of a large report's page content.
        var path = TestFiles.NewPath(".pdf");
        using (var stream = File.Create(path))
        using (var document = SKDocument.CreatePdf(stream))
        {
            var (width, height) = HeatmapGeometry.FigureSize(4, 3);
            var canvas = document.BeginPage(width, height);
            ActivationHeatmap.Draw(canvas, SKRect.Create(width, height), Model, 0, 4, Model.ValueRange());
            document.EndPage();
        }

        // The notebook's str(np.round(x, 3)) of the model's whole numbers, as Python prints them.
        string[] labels = ["0.0", "1.0", "3.0", "4.0", "5.0", "2.0", "7.0", "8.0", "9.0", "10.0", "11.0"];
        var text = PdfTools.Text(path, raw: true);
        Assert.All(labels, label => Assert.Contains(label, text, StringComparison.Ordinal));

        // The labels' text objects are the ones at the label size (ScottPlot's own texts are 12 px and larger).
        var labelObjects = System.Text.RegularExpressions.Regex.Matches(PdfTools.Uncompressed(path), @"BT\s+/F\d+ (9\.\d+|1[01](\.\d+)?) Tf(.*?)ET", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(labelObjects);
        var strings = labelObjects.Sum(m => System.Text.RegularExpressions.Regex.Count(m.Groups[3].Value, @"\bTj\b"));
        Assert.Equal(labels.Length, strings);
    }

    [Theory]
    [InlineData("代码")]
    [InlineData("علاج")]
    [InlineData("गणित")]
    public void A_category_name_in_another_script_is_drawn_with_its_glyphs_not_boxes(string label)
    {
        // The same name's characters as private-use code points, which no font has: drawn as missing-glyph boxes. The
        // label area must differ from that, and from a heatmap without the label.
        var values = new double?[,] { { 1.0 } };
        var boxes = new string('\uE000', label.Length);
        using var drawn = Render(new HeatmapModel(["7"], [label], values));
        using var asBoxes = Render(new HeatmapModel(["7"], [boxes], values));
        using var blank = Render(new HeatmapModel(["7"], [""], values));

        var area = SKRectI.Create(0, HeatmapGeometry.Top * Scale, HeatmapGeometry.Left * Scale, HeatmapGeometry.CellSize * Scale);
        Assert.NotEqual(Pixels(blank, area), Pixels(drawn, area));
        Assert.NotEqual(Pixels(asBoxes, area), Pixels(drawn, area));
    }

    private static string Pixels(SKBitmap bitmap, SKRectI area)
    {
        var text = new System.Text.StringBuilder();
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                text.Append(bitmap.GetPixel(x, y).Red < 128 ? '#' : '.');
            }
        }

        return text.ToString();
    }

    private static SKBitmap Render(HeatmapModel model)
    {
        using var png = new MemoryStream();
        ActivationHeatmap.SavePng(model, png, Scale);
        return SKBitmap.Decode(png.ToArray());
    }

    private static int CellCenterX(int column) => (HeatmapGeometry.Left + (column * HeatmapGeometry.CellSize) + (HeatmapGeometry.CellSize / 2)) * Scale;

    private static int CellCenterY(int row) => (HeatmapGeometry.Top + (row * HeatmapGeometry.CellSize) + (HeatmapGeometry.CellSize / 2)) * Scale;

    private static int CountWhite(SKBitmap bitmap, int x, int y, int halfWidth, int halfHeight)
    {
        var count = 0;
        for (var dx = -halfWidth; dx <= halfWidth; dx++)
        {
            for (var dy = -halfHeight; dy <= halfHeight; dy++)
            {
                var p = bitmap.GetPixel(x + dx, y + dy);
                count += p.Red > 240 && p.Green > 240 && p.Blue > 240 ? 1 : 0;
            }
        }

        return count;
    }

    private static void AssertClose(byte expected, byte actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 3, $"{what}: expected {expected}, got {actual}");
}
