using Microsoft.VisualBasic.FileIO;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>report.pdf of the demo and of a large data set, read back with poppler and qpdf.</summary>
public sealed class ReportPdfTests
{
    private const string Title = "Personal Feature Activation by Prompt Category";

    [Fact]
    public void Demo_pdf_is_valid_small_and_has_every_feature_and_description_in_full()
    {
        var output = Run(TestData.DemoDescriptions, TestData.DemoPrompts, sourceDate: DateTimeOffset.FromUnixTimeSeconds(1_764_000_000));
        var pdf = Path.Combine(output, "report.pdf");

        Assert.Equal(0, PdfTools.Check(pdf).ExitCode);
        Assert.All(PdfTools.Fonts(pdf), f => Assert.True(f.Embedded && f.Subset, f.Name));
        // Each face once: a chart drawn in another face than the document's (the whole font) would be a second copy.
        var faces = PdfTools.Fonts(pdf).Select(f => f.Name[(f.Name.IndexOf('+', StringComparison.Ordinal) + 1)..]).ToArray();
        Assert.Equal(faces.Distinct(StringComparer.Ordinal).Count(), faces.Length);
        Assert.True(new FileInfo(pdf).Length < 300_000, $"{new FileInfo(pdf).Length} bytes");
        var info = PdfTools.Info(pdf);
        Assert.Contains("Title:           " + Title, info, StringComparison.Ordinal);
        Assert.Contains("Producer:", info, StringComparison.Ordinal);
        Assert.Contains("CreationDate:    Mon Nov 24 16:00:00 2025 UTC", info, StringComparison.Ordinal);

        var text = PdfTools.Text(pdf);
        var raw = PdfTools.Normalize(PdfTools.Text(pdf, raw: true));
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("Date of the data: 2025-11-24", text, StringComparison.Ordinal);
        foreach (var (id, description) in Descriptions(TestData.DemoDescriptions))
        {
            Assert.Contains(id, text, StringComparison.Ordinal);
            Assert.Contains(PdfTools.Normalize(description), raw, StringComparison.Ordinal);
        }

        var pages = PdfTools.PageCount(pdf);
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"page {page} of {pages}", PdfTools.Text(pdf, page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Building_twice_gives_byte_identical_pdf_png_and_html()
    {
        var first = Run(TestData.DemoDescriptions, TestData.DemoPrompts, sourceDate: null);
        var second = Run(TestData.DemoDescriptions, TestData.DemoPrompts, sourceDate: null);

        foreach (var file in new[] { "report.pdf", "heatmap.png", "report.html", "aggregate.csv", "summary.json", "summary.md", "features.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file + " differs");
        }

        Assert.DoesNotContain("CreationDate", PdfTools.Info(Path.Combine(first, "report.pdf")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_heatmap_continues_over_pages_in_feature_order()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 60, PromptsPerFeature = 10, TokensPerPrompt = 6, Seed = 4 }, directory);
        var pdf = Path.Combine(Run(files.DescriptionsPath, files.PromptsPath, null), "report.pdf");

        var text = PdfTools.Text(pdf);
        Assert.Contains("Heatmap, part 1 of 3", text, StringComparison.Ordinal);
        Assert.Contains("Heatmap, part 3 of 3", text, StringComparison.Ordinal);
        var ids = Descriptions(files.DescriptionsPath).Select(d => d.Id).ToArray();
        // Part 1 starts with the first feature, part 3 ends with the last; one colour scale is stated on each.
        Assert.Contains($"(features {ids[0]} to ", text, StringComparison.Ordinal);
        Assert.Contains($" to {ids[^1]})", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("the same on every heatmap page").Length - 1);
    }

    private static string Run(string descriptions, string prompts, DateTimeOffset? sourceDate)
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "demo", Title = Title, DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, SourceDate = sourceDate }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }

    /// <summary>feature_id and claude_desc, read with the framework's own CSV parser.</summary>
    private static List<(string Id, string Description)> Descriptions(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.ToList();
        var rows = new List<(string, string)>();
        while (parser.ReadFields() is { } fields)
        {
            rows.Add((fields[header.IndexOf("feature_id")], fields[header.IndexOf("claude_desc")]));
        }

        return rows;
    }
}
