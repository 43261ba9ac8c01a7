using System.Text.RegularExpressions;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>
/// report.html's colour bar has the ticks of the PDF's (and heatmap.png's, drawn by the same ScottPlot plot): the
/// page's embedded heatmap data read back beside the labels poppler finds beside the PDF's colour bar (issue 20, item 2).
/// </summary>
public sealed partial class HeatmapColorBarTicksTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(60, 4)]
    [InlineData(25, 11)]
    public void The_html_colour_bar_has_the_pdf_colour_bar_ticks_on_every_heatmap_page(int generatedFeatures, int seed)
    {
        var (descriptions, prompts) = (TestData.DemoDescriptions, TestData.DemoPrompts);
        if (generatedFeatures > 0)
        {
            var files = DataSetWriter.Write(new DataSetOptions { Features = generatedFeatures, PromptsPerFeature = 10, TokensPerPrompt = 6, Seed = seed }, TestData.NewTemporaryDirectory());
            (descriptions, prompts) = (files.DescriptionsPath, files.PromptsPath);
        }

        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "ticks", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));

        using var data = EmbeddedPageData.Read(File.ReadAllText(Path.Combine(output, "report.html")), "heatmap-data");
        var root = data.RootElement;
        var html = root.GetProperty("tickLabels").EnumerateArray().Select(l => l.GetString()!).ToArray();
        var values = EmbeddedPageData.Doubles(root.GetProperty("ticks"));
        Assert.InRange(html.Length, 2, 30);
        Assert.Equal(values.Order(), values);
        Assert.All(values, v => Assert.InRange(v, root.GetProperty("min").GetDouble(), root.GetProperty("max").GetDouble()));
        Assert.Equal(values, html.Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)));

        var pieces = PdfTools.Pieces(Path.Combine(output, "report.pdf"));
        var heatmapPages = pieces.Where(p => p.Bold && p.Text.StartsWith("Heatmap", StringComparison.Ordinal)).Select(p => p.Page).Distinct().ToArray();
        Assert.Equal(generatedFeatures > 20 ? (generatedFeatures + 19) / 20 : 1, heatmapPages.Length);
        foreach (var page in heatmapPages)
        {
            // The colour bar's labels: numbers lined up at one left edge, right of every cell's value; bottom to top.
            var numbers = pieces.Where(p => p.Page == page && Number().IsMatch(p.Text)).ToList();
            var bar = numbers.GroupBy(p => p.Left).Where(g => g.Count() >= 2).MaxBy(g => g.Key)!;
            Assert.Equal(html, bar.OrderByDescending(p => p.Top).Select(p => p.Text));
        }
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Number();
}
