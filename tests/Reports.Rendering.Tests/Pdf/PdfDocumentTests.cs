using Reports.Rendering.Pdf;
using Reports.Rendering.Report;
using Reports.Rendering.Typography;
using Reports.Tests;

namespace Reports.Rendering.Tests.Pdf;

/// <summary>The layout engine, checked on real PDFs read back with poppler and qpdf.</summary>
public sealed class PdfDocumentTests
{
    private const string Multilingual = "Zoë’s “café” – Ελληνικά ψυχή – Кириллица тревога";

    [Fact]
    public void A_long_paragraph_wraps_and_every_word_is_extracted()
    {
        var words = Enumerable.Range(0, 400).Select(i => $"word{i}").ToArray();
        var pdf = Save(new Paragraph(string.Join(' ', words) + " " + Multilingual));

        var text = PdfTools.Text(pdf);

        Assert.All(words, word => Assert.Contains(word, text, StringComparison.Ordinal));
        Assert.Contains(Multilingual, PdfTools.Normalize(text), StringComparison.Ordinal);
        Assert.Equal(0, PdfTools.Check(pdf).ExitCode);
    }

    [Fact]
    public void A_long_table_breaks_over_pages_repeats_its_header_and_numbers_the_pages()
    {
        var rows = Enumerable.Range(0, 200).Select(i => (IReadOnlyList<TableCell>)[$"row{i}", $"text of row {i}, which wraps when the column is narrow enough to need it"]).ToArray();
        var pdf = Save(new Paragraph("Before the table"), new Table(new TableModel([new("Identifier"), new("Commentary", 2)], rows)));

        var pages = PdfTools.PageCount(pdf);

        Assert.True(pages >= 3, $"{pages} pages");
        for (var page = 1; page <= pages; page++)
        {
            var text = PdfTools.Text(pdf, page);
            Assert.Contains("Identifier", text, StringComparison.Ordinal);
            Assert.Contains($"page {page} of {pages}", text, StringComparison.Ordinal);
        }

        var all = PdfTools.Text(pdf);
        Assert.All(rows, row => Assert.Contains(row[0].Text + "\n", all, StringComparison.Ordinal));
    }

    [Fact]
    public void A_symbol_missing_from_the_text_face_comes_from_the_fallback_face()
    {
        const int Star = 0x2B50;
        Assert.False(ShippedFonts.Regular.Typeface.ContainsGlyph(Star));
        Assert.True(ShippedFonts.Symbols.Typeface.ContainsGlyph(Star));

        var pdf = Save(new Paragraph("Rated \u2B50 by readers"));

        var fonts = PdfTools.Fonts(pdf);
        Assert.Contains(fonts, f => f.Name.EndsWith("+NotoSansSymbols2-Regular", StringComparison.Ordinal));
        Assert.Contains("Rated \u2B50 by readers", PdfTools.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_are_embedded_subsets_and_a_short_document_is_small()
    {
        var pdf = Save(new Heading("Title", 1, "top"), new Paragraph(Multilingual), new Paragraph("bold", new TextStyle(Bold: true)));

        var fonts = PdfTools.Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded && f.Subset && f.Name[6] == '+', f.Name));
        Assert.True(new FileInfo(pdf).Length < 100_000, $"{new FileInfo(pdf).Length} bytes");
    }

    [Fact]
    public void Links_to_uris_and_to_headings_are_in_the_pdf()
    {
        var pdf = Save(
            new ContentsList([("Second section", "second")]),
            new Paragraph("Neuronpedia") { Link = "https://www.neuronpedia.org/gemma-2-2b/12-gemmascope-res-16k/575" },
            new Heading("Second section", 1, "second") { NewPage = true });

        var objects = PdfTools.Uncompressed(pdf);

        Assert.Contains("/URI (https://www.neuronpedia.org/gemma-2-2b/12-gemmascope-res-16k/575)", objects, StringComparison.Ordinal);
        Assert.Contains("/Dests", objects, StringComparison.Ordinal);
        Assert.Contains("/second [", objects, StringComparison.Ordinal);   // the named destination
        Assert.Contains("/Dest /second", objects, StringComparison.Ordinal); // the contents entry's link to it
        Assert.Contains("Second section", PdfTools.Text(pdf, 2), StringComparison.Ordinal);
        // The contents entry states the page the heading landed on.
        Assert.Contains("2", PdfTools.Text(pdf, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes_and_metadata_has_no_clock_date()
    {
        var first = Save(new Heading("Title", 1, "top"), new Paragraph(Multilingual));
        var second = Save(new Heading("Title", 1, "top"), new Paragraph(Multilingual));

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var info = PdfTools.Info(first);
        Assert.Contains("Title:           Test document", info, StringComparison.Ordinal);
        Assert.DoesNotContain("CreationDate", info, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_written_a_run_at_a_time_not_glyph_by_glyph()
    {
        // Skia's PDF backend moves the pen (Td) before any glyph that is not exactly one advance after the previous
        // one; glyphs off its grid made every glyph a Td and text-heavy pages five times larger.
        var words = Enumerable.Range(0, 300).Select(i => $"activation{i}").ToArray();
        var pdf = Save(new Paragraph(string.Join(' ', words)));

        var content = PdfTools.Uncompressed(pdf);
        var glyphs = words.Sum(w => w.Length + 1);
        var moves = System.Text.RegularExpressions.Regex.Count(content, @" Td\b");

        Assert.True(moves * 20 < glyphs, $"{moves} Td for {glyphs} glyphs");
        Assert.All(words, word => Assert.Contains(word, PdfTools.Text(pdf), StringComparison.Ordinal));
    }

    [Fact]
    public void Measuring_after_a_garbage_collection_gives_the_same_width()
    {
        // HarfBuzz reads the font bytes in place; they once went to the collector and widths became garbage.
        using var fonts = FontSet.ForText(["Personal Feature"]);
        var style = new TextStyle(9);
        var before = fonts.Measure("Personal Feature", style);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(before, fonts.Measure("Personal Feature", style));
        }
    }

    [Fact]
    public void Charts_recorded_ahead_land_in_their_own_places_in_page_order()
    {
        // Forty charts, each a distinct number drawn as text, between paragraphs: the recording thread runs ahead of
        // the pages, and every picture must still be drawn where its own box was laid out.
        var elements = new List<IElement>();
        for (var i = 0; i < 40; i++)
        {
            var label = $"chart{i:00}";
            elements.Add(new Paragraph($"before {label}"));
            elements.Add(new CanvasBox(200, 150, (canvas, area) =>
            {
                using var font = new SkiaSharp.SKFont(ShippedFonts.Regular.Typeface, 12);
                using var paint = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black };
                canvas.DrawText(label, area.Left + 4, area.Top + 20, font, paint);
            }, [label]));
        }

        var text = PdfTools.Text(Save([.. elements]));

        var order = Enumerable.Range(0, 40).SelectMany(i => (string[])[$"before chart{i:00}", $"chart{i:00}"]).ToArray();
        var at = 0;
        foreach (var expected in order)
        {
            var found = text.IndexOf(expected, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{expected}' not found after offset {at}");
            at = found + expected.Length;
        }
    }

    [Fact]
    public void A_chart_that_fails_while_recorded_fails_the_save_with_its_own_error()
    {
        var elements = new IElement[]
        {
            new CanvasBox(100, 100, (_, _) => { }, []),
            new CanvasBox(100, 100, (_, _) => throw new InvalidDataException("chart 2 broke"), []),
            new CanvasBox(100, 100, (_, _) => { }, []),
        };

        var error = Assert.Throws<InvalidDataException>(() => Save(elements));
        Assert.Equal("chart 2 broke", error.Message);
    }

    private static string Save(params IElement[] elements)
    {
        var path = TestFiles.NewPath(".pdf");
        var document = new PdfDocument(new DocumentSettings { Title = "Test document", Producer = "tests" });
        foreach (var element in elements)
        {
            document.Add(element);
        }

        using (var stream = File.Create(path))
        {
            document.Save(stream);
        }

        return path;
    }
}
