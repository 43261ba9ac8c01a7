using System.Text.Json;
using Reports.Rendering.Pdf;
using Reports.Tests;

namespace Reports.Rendering.Tests.Pdf;

/// <summary>
/// The outline (bookmarks) and page labels appended to Skia's PDF as an incremental update, read back with qpdf
/// (its JSON of the outline, resolved to pages) and poppler.
/// </summary>
public sealed class PdfOutlineTests
{
    [Fact]
    public void Titles_in_any_script_are_read_back_as_written_and_open_their_heading_pages()
    {
        var pdf = Save(
            [new OutlineEntry("Überblick", "overview") { Children = [new("特征 575", "feature-575"), new("ميزة", "feature-arabic")] }, new("Zoë’s “café”", "last")],
            new Heading("Überblick", 1, "overview"),
            new Paragraph("Text of the overview."),
            new Heading("特征 575", 1, "feature-575") { NewPage = true },
            new Heading("ميزة", 1, "feature-arabic") { NewPage = true },
            new Paragraph("Before the last heading, on the same page."),
            new Heading("Zoë’s “café”", 2, "last"));

        AssertQpdfFindsNoProblem(pdf);
        var outline = Outline(pdf);
        Assert.Equal(["Überblick", "Zoë’s “café”"], outline.Select(e => e.Title));
        Assert.Equal(["特征 575", "ميزة"], outline[0].Kids.Select(e => e.Title));
        Assert.Equal([1, 3], outline.Select(e => e.Page));
        Assert.Equal([2, 3], outline[0].Kids.Select(e => e.Page));
        Assert.Contains("特征 575", PdfTools.Text(pdf, 2), StringComparison.Ordinal);
        Assert.Contains("Zoë’s “café”", PdfTools.Text(pdf, 3), StringComparison.Ordinal);
        // A heading at a page's top opens at the top of the content area; one further down opens lower on its page.
        Assert.Equal(outline[0].Kids[0].Top, outline[0].Top);
        Assert.True(outline[1].Top < outline[0].Kids[1].Top - 20, $"{outline[1].Top} vs {outline[0].Kids[1].Top}");
    }

    [Fact]
    public void Entries_open_their_pages_through_a_nested_page_tree_and_pages_are_labelled_from_1()
    {
        // Skia groups pages under intermediate /Pages nodes (8 to a node): 40 pages make a tree two levels deep.
        var elements = Enumerable.Range(1, 40).Select(i => (IElement)new Heading($"Section {i}", 1, $"s{i}") { NewPage = true }).ToArray();
        var pdf = Save([.. Enumerable.Range(1, 40).Select(i => new OutlineEntry($"Section {i}", $"s{i}"))], elements);

        AssertQpdfFindsNoProblem(pdf);
        var outline = Outline(pdf);
        Assert.Equal(Enumerable.Range(1, 40), outline.Select(e => e.Page));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"Section {i}"), outline.Select(e => e.Title));
        Assert.Equal(["page 1 of 40", "page 40 of 40"], [Labelled(pdf, 1), Labelled(pdf, 40)]);
        Assert.Equal(["1", "40"], [PageLabel(pdf, 1), PageLabel(pdf, 40)]);
    }

    [Fact]
    public void The_same_bytes_come_out_whether_the_output_can_be_read_back_or_not()
    {
        IElement[] elements = [new Heading("First", 1, "first"), new Paragraph("Text"), new Heading("Second", 1, "second") { NewPage = true }];
        OutlineEntry[] outline = [new("First", "first"), new("Second", "second")];
        var seekable = Save(outline, elements);
        var document = new PdfDocument(new DocumentSettings { Title = "Test document", Producer = "tests" });
        foreach (var element in elements)
        {
            document.Add(element);
        }

        foreach (var entry in outline)
        {
            document.Outline.Add(entry);
        }

        using var written = new MemoryStream();
        using (var forwardOnly = new WriteOnlyStream(written))
        {
            document.Save(forwardOnly);
        }

        Assert.Equal(File.ReadAllBytes(seekable), written.ToArray());
        Assert.Equal(File.ReadAllBytes(seekable), File.ReadAllBytes(Save(outline, elements)));
    }

    [Fact]
    public void A_document_without_an_outline_still_gets_page_labels_and_stays_valid()
    {
        var pdf = Save([], new Paragraph("Only text"));

        AssertQpdfFindsNoProblem(pdf);
        Assert.Empty(Outline(pdf));
        Assert.Equal("1", PageLabel(pdf, 1));
    }

    [Fact]
    public void An_entry_whose_anchor_is_nowhere_fails_the_save()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Save([new("Missing", "nowhere")], new Heading("Here", 1, "here")));
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An outline entry as qpdf resolves it: title, page (from 1), the destination's top, and its children.</summary>
    private sealed record Entry(string Title, int Page, double Top, IReadOnlyList<Entry> Kids);

    private static IReadOnlyList<Entry> Outline(string pdf)
    {
        using var json = JsonDocument.Parse(PdfTools.QpdfJson(pdf, "outlines"));
        return Entries(json.RootElement.GetProperty("outlines"));

        static IReadOnlyList<Entry> Entries(JsonElement array) => [.. array.EnumerateArray().Select(e => new Entry(
            e.GetProperty("title").GetString()!,
            e.GetProperty("destpageposfrom1").GetInt32(),
            e.GetProperty("dest")[3].GetDouble(),
            Entries(e.GetProperty("kids"))))];
    }

    /// <summary>The label a viewer shows for a page (from 1), from the /PageLabels ranges qpdf reads.</summary>
    private static string PageLabel(string pdf, int page)
    {
        using var json = JsonDocument.Parse(PdfTools.QpdfJson(pdf, "pagelabels"));
        var range = json.RootElement.GetProperty("pagelabels").EnumerateArray().Last(r => r.GetProperty("index").GetInt32() <= page - 1);
        var label = range.GetProperty("label");
        Assert.Equal("/D", label.GetProperty("/S").GetString());
        var first = label.TryGetProperty("/St", out var start) ? start.GetInt32() : 1;
        return (first + page - 1 - range.GetProperty("index").GetInt32()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Labelled(string pdf, int page) =>
        PdfTools.Text(pdf, page).Split('\n').Single(l => l.StartsWith("page ", StringComparison.Ordinal)).Trim();

    /// <summary>qpdf --check: no error (exit 0) and no warning (exit 3 would be a warning).</summary>
    private static void AssertQpdfFindsNoProblem(string pdf)
    {
        var (exitCode, output) = PdfTools.Check(pdf);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors found", output, StringComparison.Ordinal);
    }

    private static string Save(IReadOnlyList<OutlineEntry> outline, params IElement[] elements)
    {
        var path = TestFiles.NewPath(".pdf");
        var document = new PdfDocument(new DocumentSettings { Title = "Test document", Producer = "tests" });
        foreach (var element in elements)
        {
            document.Add(element);
        }

        foreach (var entry in outline)
        {
            document.Outline.Add(entry);
        }

        using (var stream = File.Create(path))
        {
            document.Save(stream);
        }

        return path;
    }

    /// <summary>An output that can only be written forward, like a pipe or a write-only file.</summary>
    private sealed class WriteOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
