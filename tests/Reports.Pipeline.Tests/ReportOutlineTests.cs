using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reports.Pipeline.Tests;

/// <summary>report.pdf's outline (bookmarks) and page labels, read back with qpdf and poppler (issue 20, item 5).</summary>
public sealed partial class ReportOutlineTests
{
    private const string Title = "Personal Feature Activation by Prompt Category";

    [Fact]
    public void Demo_pdf_has_an_outline_entry_per_section_and_per_feature_each_opening_at_its_heading()
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "demo", Title = Title, DescriptionsPath = TestData.DemoDescriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        var pdf = Path.Combine(output, "report.pdf");

        var (exitCode, check) = PdfTools.Check(pdf);
        Assert.True(exitCode == 0, check);
        Assert.DoesNotContain("WARNING", check, StringComparison.OrdinalIgnoreCase);

        var outline = Outline(pdf);
        var featureIds = PromptTruth.ByFeature(TestData.DemoPrompts).Where(f => f.Value.Count > 0).Select(f => f.Key).Order().ToArray();
        Assert.Equal(
            ["Cover", "Input files", "Contents", "Features by their most specific category", "Every feature", "Heatmap", "Prompts per category",
                "Mean activation per category: describe()", "Feature descriptions", $"Feature pages ({featureIds.Length})"],
            outline.Select(e => e.Title));
        Assert.All(outline.SkipLast(1), e => Assert.Empty(e.Kids));
        var features = outline[^1].Kids;
        Assert.Equal(featureIds.Select(id => $"Feature {id}").Order(StringComparer.Ordinal), features.Select(e => e.Title).Order(StringComparer.Ordinal));
        Assert.Equal(features[0].Page, outline[^1].Page);

        // In document order, each at its heading: the heading is on the page it opens, where the entry's point is.
        var every = outline.SelectMany(e => e.Kids.Prepend(e)).Where(e => e != outline[^1]).ToList();
        Assert.Equal(every.Select(e => (e.Page, -e.Top)).Order(), every.Select(e => (e.Page, -e.Top)));
        var pageHeight = PageHeight(pdf);
        var pieces = PdfTools.Pieces(pdf);
        foreach (var entry in every)
        {
            var heading = entry.Title == "Cover" ? Title : entry.Title;
            Assert.Contains(heading + "\n", PdfTools.Text(pdf, entry.Page), StringComparison.Ordinal);
            // pdftohtml's pixels are 1.5 per point; headings are bold (the running header repeats the title in regular).
            var piece = pieces.First(p => p.Page == entry.Page && p.Text == heading && p.Bold);
            var top = (pageHeight - entry.Top) * 1.5;
            Assert.True(Math.Abs(piece.Top - top) <= 6, $"\"{heading}\" is at {piece.Top} px on page {entry.Page}; its outline entry at {top:0.0} px");
        }

        // Page labels are the footer's "page N of M".
        var pages = PdfTools.PageCount(pdf);
        for (var page = 1; page <= pages; page++)
        {
            var footer = Footer().Match(PdfTools.Text(pdf, page));
            Assert.True(footer.Success, $"page {page} has no footer");
            Assert.Equal(footer.Groups["n"].Value, PageLabel(pdf, page));
        }
    }

    /// <summary>An outline entry as qpdf resolves it: title, page (from 1), the destination's top (PDF points), its children.</summary>
    private sealed record Entry(string Title, int Page, double Top, IReadOnlyList<Entry> Kids);

    private static IReadOnlyList<Entry> Outline(string pdf)
    {
        using var json = JsonDocument.Parse(PdfTools.QpdfJson(pdf, "outlines"));
        return Entries(json.RootElement.GetProperty("outlines"));

        static IReadOnlyList<Entry> Entries(JsonElement array) => [.. array.EnumerateArray().Select(e =>
        {
            var destination = e.GetProperty("dest");
            Assert.Equal("/XYZ", destination[1].GetString());
            return new Entry(e.GetProperty("title").GetString()!, e.GetProperty("destpageposfrom1").GetInt32(), destination[3].GetDouble(), Entries(e.GetProperty("kids")));
        })];
    }

    /// <summary>The label a viewer shows for a page (from 1), from the /PageLabels ranges qpdf reads.</summary>
    private static string PageLabel(string pdf, int page)
    {
        using var json = JsonDocument.Parse(PdfTools.QpdfJson(pdf, "pagelabels"));
        var range = json.RootElement.GetProperty("pagelabels").EnumerateArray().Last(r => r.GetProperty("index").GetInt32() <= page - 1);
        var label = range.GetProperty("label");
        Assert.Equal("/D", label.GetProperty("/S").GetString());
        var first = label.TryGetProperty("/St", out var start) ? start.GetInt32() : 1;
        return (first + page - 1 - range.GetProperty("index").GetInt32()).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The first page's height in points, as pdfinfo states it.</summary>
    private static double PageHeight(string pdf)
    {
        var size = PageSize().Match(PdfTools.Info(pdf));
        Assert.True(size.Success);
        return double.Parse(size.Groups["height"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"page (?<n>\d+) of \d+")]
    private static partial Regex Footer();

    [GeneratedRegex(@"Page size:\s+[\d.]+ x (?<height>[\d.]+) pts")]
    private static partial Regex PageSize();
}
