using System.Globalization;
using Reports.Rendering.Pdf.Internals;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A document laid out in three steps, like a real layout engine: collect its text and subset the shipped fonts to
/// it; measure every element into blocks and place the blocks on pages (headings keep with what follows, table
/// headers repeat); draw each page with a running header and "page N of M", the charts recorded ahead on a thread of
/// their own (<see cref="PictureRecorder"/>). Skia has no outline API: the outline (bookmarks) and page labels are
/// appended to what it wrote as an incremental update (<see cref="PdfOutlineWriter"/>). The same input gives the same bytes.
/// </summary>
internal sealed class PdfDocument(DocumentSettings settings)
{
    private readonly List<IElement> elements = [];

    public DocumentSettings Settings { get; } = settings;

    /// <summary>Called with the document's subset fonts before any page is drawn (e.g. to hand them to a chart library).</summary>
    public Action<FontSet>? BeforeDrawing { get; set; }

    /// <summary>Called when every page is drawn.</summary>
    public Action? AfterDrawing { get; set; }

    /// <summary>The bookmarks, top level first, each opening at an anchor of the document's elements.</summary>
    public IList<OutlineEntry> Outline { get; } = [];

    public PdfDocument Add(IElement element)
    {
        elements.Add(element);
        return this;
    }

    /// <summary>Lays out and writes the PDF; returns the number of pages.</summary>
    public int Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var footer = "page 0123456789 of";
        using var fonts = FontSet.ForText(elements.SelectMany(e => e.Texts).Append(Settings.Title).Append(footer));
        BeforeDrawing?.Invoke(fonts);
        try
        {
            if (output.CanSeek && output.CanRead)
            {
                var start = output.Position;
                var (pages, outline) = Draw(fonts, output);
                PdfOutlineWriter.Append(output, start, outline);
                return pages;
            }

            // The update is made by reading back what Skia wrote: a stream that cannot be read back gets the PDF through
            // memory (a few megabytes at most: the PDF is bounded in pages at any width).
            using var buffer = new MemoryStream();
            var (count, entries) = Draw(fonts, buffer);
            PdfOutlineWriter.Append(buffer, 0, entries);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return count;
        }
        finally
        {
            AfterDrawing?.Invoke();
        }
    }

    /// <summary>Lays out and draws every page with Skia; returns the page count and the outline placed on the pages.</summary>
    private (int Pages, IReadOnlyList<PlacedOutlineEntry> Outline) Draw(FontSet fonts, Stream output)
    {
        var width = Settings.PageSize.Width - (2 * Settings.Margin);
        var height = Settings.PageSize.Height - (2 * Settings.Margin) - (2 * Settings.HeaderHeight);

        // The charts are recorded from the moment layout reaches them, beside the rest of the layout and the drawing.
        using var charts = new PictureRecorder();
        var blocks = new List<Block>();
        try
        {
            foreach (var block in elements.SelectMany(e => e.Layout(fonts, width, height)))
            {
                if (block.Record is not null)
                {
                    charts.Add(block);
                }

                blocks.Add(block);
            }
        }
        finally
        {
            charts.CompleteAdding();
        }

        var pages = Paginate(blocks, height, out var places);
        var anchors = places.ToDictionary(p => p.Key, p => p.Value.Page, StringComparer.Ordinal);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Settings.Title,
            Subject = Settings.Subject,
            Author = Settings.Author,
            Creator = Settings.Creator,
            Producer = Settings.Producer,
            Creation = Settings.Date?.UtcDateTime,
            Modified = Settings.Date?.UtcDateTime,
            RasterDpi = 300,
            // Lossless images (deflate): the struct's default quality is 0, which made Skia write a chart's colour bar as
            // a JPEG of quality 0, its colours smeared.
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
            PdfA = false,
        };
        // Disposed before the update reads the stream back: Skia's stream wrapper is flushed and let go.
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            DrawPages(document, pages, charts, fonts, width, anchors);
            document.Close();
        }

        return (pages.Count, [.. Outline.Select(e => Place(e, places))]);
    }

    private void DrawPages(SKDocument document, List<List<(Block Block, float Y)>> pages, PictureRecorder charts, FontSet fonts, float width, Dictionary<string, int> anchors)
    {
        for (var p = 0; p < pages.Count; p++)
        {
            var canvas = document.BeginPage(Settings.PageSize.Width, Settings.PageSize.Height);
            var context = new DrawContext(canvas, fonts, width, p + 1, pages.Count, anchors);
            DrawHeaderAndFooter(context);
            var top = Settings.Margin + Settings.HeaderHeight;
            foreach (var (block, y) in pages[p])
            {
                if (block.Record is null)
                {
                    block.Draw(context, Settings.Margin, top + y);
                }
                else
                {
                    using var picture = charts.Take(block);
                    canvas.DrawPicture(picture, Settings.Margin, top + y);
                }
            }

            document.EndPage();
        }
    }

    /// <summary>An outline entry at its anchor's page and position: the block's top-left corner on the page.</summary>
    private PlacedOutlineEntry Place(OutlineEntry entry, Dictionary<string, (int Page, float Y)> places) =>
        places.TryGetValue(entry.Anchor, out var place)
            ? new PlacedOutlineEntry(entry.Title, place.Page - 1, Settings.Margin, Settings.Margin + Settings.HeaderHeight + place.Y, [.. entry.Children.Select(c => Place(c, places))])
            : throw new InvalidOperationException($"the outline entry \"{entry.Title}\" opens at \"{entry.Anchor}\", which no element of the document has");

    /// <summary>Places blocks top to bottom, starting a page when the next block (with what it keeps with) does not fit.</summary>
    /// <remarks><paramref name="anchors"/>: where each anchored block landed, its page (from 1) and its top on the page's content area.</remarks>
    private static List<List<(Block Block, float Y)>> Paginate(List<Block> blocks, float pageHeight, out Dictionary<string, (int Page, float Y)> anchors)
    {
        var pages = new List<List<(Block, float)>> { new() };
        anchors = new Dictionary<string, (int, float)>(StringComparer.Ordinal);
        var y = 0f;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var needed = block.Height;
            for (var k = i; k + 1 < blocks.Count && blocks[k].KeepWithNext; k++)
            {
                needed += blocks[k + 1].Height;
            }

            var page = pages[^1];
            if (page.Count > 0 && (block.BreakBefore || y + Math.Min(needed, pageHeight) > pageHeight))
            {
                page = [];
                pages.Add(page);
                y = 0;
                if (block.RepeatedHeader is { } header)
                {
                    page.Add((header, y));
                    y += header.Height;
                }
            }

            if (block.Height == 0 && block.BreakBefore)
            {
                continue;
            }

            if (block.Anchor is { } anchor)
            {
                anchors[anchor] = (pages.Count, y);
            }

            page.Add((block, y));
            y += block.Height;
        }

        return pages;
    }

    private void DrawHeaderAndFooter(DrawContext context)
    {
        var style = TextStyle.Small;
        var size = Settings.PageSize;
        context.Fonts.Draw(context.Canvas, Settings.Title, Settings.Margin, Settings.Margin + style.Size, style);
        using var rule = new SKPaint { Color = new SKColor(0xcc, 0xcc, 0xcc), StrokeWidth = 0.5f };
        context.Canvas.DrawLine(Settings.Margin, Settings.Margin + style.Size + 4, size.Width - Settings.Margin, Settings.Margin + style.Size + 4, rule);
        var footer = string.Create(CultureInfo.InvariantCulture, $"page {context.PageNumber} of {context.PageCount}");
        var footerWidth = context.Fonts.Measure(footer, style);
        context.Fonts.Draw(context.Canvas, footer, size.Width - Settings.Margin - footerWidth, size.Height - Settings.Margin + style.Size, style);
    }
}
