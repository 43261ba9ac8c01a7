using System.Globalization;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A document laid out in three steps, like a real layout engine: collect its text and subset the shipped fonts to
/// it; measure every element into blocks and place the blocks on pages (headings keep with what follows, table
/// headers repeat); draw each page with a running header and "page N of M", the charts recorded ahead on a thread of
/// their own (<see cref="PictureRecorder"/>). The same input gives the same bytes.
/// </summary>
public sealed class PdfDocument(DocumentSettings settings)
{
    private readonly List<IElement> elements = [];

    public DocumentSettings Settings { get; } = settings;

    /// <summary>Called with the document's subset fonts before any page is drawn (e.g. to hand them to a chart library).</summary>
    public Action<FontSet>? BeforeDrawing { get; set; }

    /// <summary>Called when every page is drawn.</summary>
    public Action? AfterDrawing { get; set; }

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
            return Draw(fonts, output);
        }
        finally
        {
            AfterDrawing?.Invoke();
        }
    }

    private int Draw(FontSet fonts, Stream output)
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

        var pages = Paginate(blocks, height, out var anchors);
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
        using var document = SKDocument.CreatePdf(output, metadata);
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

        document.Close();
        return pages.Count;
    }

    /// <summary>Places blocks top to bottom, starting a page when the next block (with what it keeps with) does not fit.</summary>
    private static List<List<(Block Block, float Y)>> Paginate(List<Block> blocks, float pageHeight, out Dictionary<string, int> anchors)
    {
        var pages = new List<List<(Block, float)>> { new() };
        anchors = new Dictionary<string, int>(StringComparer.Ordinal);
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
                anchors[anchor] = pages.Count;
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
