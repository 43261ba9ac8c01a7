using System.Text;
using Microsoft.VisualBasic.FileIO;
using Reports.DataGen;
using Reports.Rendering.Typography;

namespace Reports.Pipeline.Tests;

/// <summary>Every writing system a multilingual SAE's descriptions and tokens hold, read back from report.pdf with poppler.</summary>
public sealed class MultilingualReportTests
{
    /// <summary>One text per script, each a feature's description; right-to-left ones must come back in logical order.</summary>
    private static readonly string[] Probes =
    [
        "简体中文的说明",
        "繁體中文的說明",
        "日本語のテキストです",
        "한국어 설명입니다",
        "שלום עולם",
        "مرحبا بالعالم",
        "नमस्ते दुनिया",
        "বাংলা লেখা",
        "தமிழ் உரை",
        "สวัสดีชาวโลก",
        "∑∫√∞ ≤ ∂x",
        "😀 🎉 🚀",
    ];

    [Fact]
    public void Every_script_comes_back_from_the_pdf_in_logical_order_with_only_embedded_subset_fonts()
    {
        var (output, log) = Build(Probes);
        var pdf = Path.Combine(output, "report.pdf");

        Assert.Equal(0, PdfTools.Check(pdf).ExitCode);
        Assert.All(PdfTools.Fonts(pdf), f => Assert.True(f.Embedded && f.Subset, f.Name));
        // pdftotext's reading order (not -raw's drawing order) puts right-to-left words back in logical order; it marks
        // such text with embedding controls, which are not part of the text.
        var text = PdfTools.Normalize(new string([.. PdfTools.Text(pdf).Where(c => c is < '\u202A' or > '\u202E')]));
        var missing = Probes.Where(p => !text.Contains(PdfTools.Normalize(p), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not found in the PDF's text: " + string.Join(" | ", missing));
        Assert.DoesNotContain(log.Diagnostics, d => d.Code == "RPT107");
    }

    [Fact]
    public async Task The_html_draws_every_script_with_its_own_embedded_fonts_in_a_browser_offline()
    {
        Assert.True(HeadlessChromium.IsInstalled, "the test needs Debian's chromium (.ci/run installs it)");
        var (output, _) = Build(Probes);
        var html = Path.Combine(output, "report.html");

        await using var browser = await HeadlessChromium.OpenAsync(html);
        // The feature table's rows are drawn by the page's script once its data is decoded.
        await browser.EvaluateAsync("ReportPage.ready.then(() => true)");
        foreach (var probe in Probes)
        {
            // Every glyph of the probe from a font the page embeds (none from the machine's), and those fonts have the
            // probe's characters: a font's missing-glyph box would count as drawn by it, too.
            var fonts = await browser.FontsOfTextAsync(probe);
            Assert.True(fonts.Count > 0, $"{probe}: not found in the page");
            Assert.All(fonts, f => Assert.True(f.IsCustomFont, $"{probe}: drawn with the machine's {f.FamilyName}"));
            var faces = Shipped.Where(s => fonts.Any(f => f.FamilyName == s.Typeface.FamilyName)).ToList();
            var lacking = probe.EnumerateRunes().Where(r => r.Value > ' ' && !faces.Any(s => s.Typeface.ContainsGlyph(r.Value))).ToList();
            Assert.True(lacking.Count == 0, $"{probe}: drawn with {string.Join(", ", fonts.Select(f => f.FamilyName))}, which lack {string.Join(" ", lacking)}");
        }

        await browser.ScreenshotAsync(Path.Combine(output, "report.html.png"));
    }

    [Fact]
    public void A_character_no_font_has_is_reported_with_its_code_point_and_place()
    {
        var (output, log) = Build(["private use \uE000 here", "fine text"]);

        var warning = Assert.Single(log.Diagnostics, d => d.Code == "RPT107");
        Assert.Contains("U+E000 (private use)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Description", warning.Message, StringComparison.Ordinal);

        // Drawn with the text face's missing-glyph box, which has an outline, and still there in the text.
        using var font = new SkiaSharp.SKFont(ShippedFonts.Regular.Typeface, 12);
        using var box = font.GetGlyphPath(0);
        Assert.True(box.Bounds.Width > 3 && box.Bounds.Height > 5, $"the .notdef glyph is {box.Bounds}");
        Assert.Contains("private use \uE000 here", PdfTools.Text(Path.Combine(output, "report.pdf")), StringComparison.Ordinal);
    }

    private static IEnumerable<ShippedFont> Shipped =>
        [ShippedFonts.Regular, ShippedFonts.Bold, ShippedFonts.Symbols, .. Enumerable.Range(0, ShippedFonts.FallbackCount).Select(ShippedFonts.Fallback)];

    /// <summary>A small report whose first features carry the given descriptions (claude_desc).</summary>
    private static (string Output, CollectingLog Log) Build(IReadOnlyList<string> descriptions)
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = descriptions.Count, PromptsPerFeature = 6, TokensPerPrompt = 8, Seed = 5, Text = TextMix.Multilingual }, directory);
        ReplaceDescriptions(files.DescriptionsPath, descriptions);
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest
        {
            Name = "multilingual",
            Title = "Multilingual",
            DescriptionsPath = files.DescriptionsPath,
            PromptsPath = files.PromptsPath,
            OutputDirectory = output,
        }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return (output, log);
    }

    private static void ReplaceDescriptions(string path, IReadOnlyList<string> descriptions)
    {
        var rows = new List<string[]>();
        using (var parser = new TextFieldParser(path, Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true })
        {
            parser.SetDelimiters(",");
            while (parser.ReadFields() is { } fields)
            {
                rows.Add(fields);
            }
        }

        var column = Array.IndexOf(rows[0], "claude_desc");
        for (var i = 0; i < descriptions.Count; i++)
        {
            rows[i + 1][column] = descriptions[i];
        }

        File.WriteAllText(path, string.Concat(rows.Select(r => string.Join(',', r.Select(Quote)) + "\n")), new UTF8Encoding(false));
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
