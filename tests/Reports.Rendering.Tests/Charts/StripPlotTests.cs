using Reports.Rendering.Charts;
using Reports.Rendering.Pdf;
using SkiaSharp;

namespace Reports.Rendering.Tests.Charts;

/// <summary>The feature sections' strip plot and token shading read by every reader: colour-blind, in greyscale, with one prompt.</summary>
public sealed class StripPlotTests
{
    // Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
    private static readonly Dictionary<string, double[,]> Deficiencies = new()
    {
        ["protanopia"] = new[,] { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
        ["deuteranopia"] = new[,] { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
        ["tritanopia"] = new[,] { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
    };

    [Fact]
    public void The_category_colours_stay_apart_for_each_colour_vision_deficiency()
    {
        var colours = Enumerable.Range(0, CategoryPalette.Count).Select(i => CategoryPalette.Of(i)).ToArray();
        Assert.True(colours.Length >= 7);
        foreach (var (name, matrix) in Deficiencies.Append(new("normal vision", new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } })))
        {
            var seen = colours.Select(c => Lab(Simulate(matrix, c.Red, c.Green, c.Blue))).ToArray();
            for (var i = 0; i < seen.Length; i++)
            {
                for (var j = i + 1; j < seen.Length; j++)
                {
                    // CIE76 ΔE: 12 is clearly different at a glance; Category10's red and green are 4.6 apart in protanopia.
                    var distance = Math.Sqrt(Math.Pow(seen[i].L - seen[j].L, 2) + Math.Pow(seen[i].A - seen[j].A, 2) + Math.Pow(seen[i].B - seen[j].B, 2));
                    Assert.True(distance >= 12, $"categories {i} and {j} are {distance:0.0} apart in {name}");
                }
            }
        }
    }

    [Fact]
    public void A_category_of_one_prompt_shows_its_point_over_the_mean_bar()
    {
        IReadOnlyList<(string, IReadOnlyList<double>)> categories = [("analysis", [10.0, 20.0, 30.0]), ("code", []), ("math", [12.0])];
        using var bitmap = new SKBitmap(DistributionPlot.Width, DistributionPlot.Height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            DistributionPlot.Draw(canvas, SKRect.Create(0, 0, DistributionPlot.Width, DistributionPlot.Height), categories);
        }

        // The one point of "math" (category 2): where its colour is, and the middle of that patch.
        var colour = CategoryPalette.Of(2);
        var xs = new List<int>();
        var ys = new List<int>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - colour.Red) < 8 && Math.Abs(p.Green - colour.Green) < 8 && Math.Abs(p.Blue - colour.Blue) < 8)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }

        Assert.True(xs.Count >= 9, $"{xs.Count} pixels of the category's colour");
        var centre = bitmap.GetPixel((xs.Min() + xs.Max()) / 2, (ys.Min() + ys.Max()) / 2);
        Assert.True(Math.Abs(centre.Red - colour.Red) < 8 && Math.Abs(centre.Green - colour.Green) < 8 && Math.Abs(centre.Blue - colour.Blue) < 8,
            $"the point's centre is {centre}, not its colour {colour}: the mean bar is drawn over it");
        // The bar is there too, through the point: black pixels on the point's row beside it.
        var row = (ys.Min() + ys.Max()) / 2;
        var dark = Enumerable.Range(xs.Min() - 40, 80).Count(x => bitmap.GetPixel(x, row) is var p && p.Red < 60 && p.Green < 60 && p.Blue < 60);
        Assert.True(dark >= 20, $"{dark} dark pixels of the mean bar on the point's row");
    }

    [Fact]
    public void Token_shading_darkens_with_activation_in_greyscale()
    {
        var previous = double.MaxValue;
        for (var i = 0; i <= 20; i++)
        {
            var shade = HighlightedTokens.Shade(i, 20);
            // The luma greyscale printers use (ITU-R BT.601).
            var grey = (0.299 * shade.Red) + (0.587 * shade.Green) + (0.114 * shade.Blue);
            Assert.True(grey < previous - 3 || i == 0, $"activation {i}: grey {grey:0.0} after {previous:0.0}");
            previous = grey;
        }

        Assert.Equal(SKColors.White, HighlightedTokens.Shade(0, 20));
    }

    private static (double R, double G, double B) Simulate(double[,] m, byte r, byte g, byte b)
    {
        var (lr, lg, lb) = (Linear(r), Linear(g), Linear(b));
        double Row(int i) => Math.Clamp((m[i, 0] * lr) + (m[i, 1] * lg) + (m[i, 2] * lb), 0, 1);
        return (Row(0), Row(1), Row(2));
    }

    private static double Linear(byte c) => c / 255.0 is var v && v <= 0.04045 ? v / 12.92 : Math.Pow((c / 255.0 + 0.055) / 1.055, 2.4);

    private static (double L, double A, double B) Lab((double R, double G, double B) c)
    {
        var x = ((0.4124 * c.R) + (0.3576 * c.G) + (0.1805 * c.B)) / 0.95047;
        var y = (0.2126 * c.R) + (0.7152 * c.G) + (0.0722 * c.B);
        var z = ((0.0193 * c.R) + (0.1192 * c.G) + (0.9505 * c.B)) / 1.08883;
        static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : (7.787 * t) + (16.0 / 116);
        return ((116 * F(y)) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }
}
