using Reports.Rendering.Report;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// A table whose columns share the width by their relative widths. Cells wrap their text (never cut off); rows break
/// between pages and the header row is repeated on every page the table spans; a row taller than a page continues
/// on the next one. Cells with a link are clickable (a URI, or '#anchor' inside the document).
/// </summary>
internal sealed class Table(TableModel model) : IElement
{
    private const float Padding = 3;
    private static readonly SKColor Rule = new(0xc8, 0xc8, 0xcc);
    private static readonly SKColor HeaderFill = new(0xee, 0xee, 0xf2);
    private static readonly SKColor Zebra = new(0xf8, 0xf8, 0xfa);
    private static readonly SKColor LinkColor = new(0x1a, 0x5f, 0xb4);

    public TableModel Model { get; } = model;

    public TextStyle Style { get; init; } = new(7.5f);

    public IEnumerable<string> Texts => Model.Columns.Select(c => c.Header).Concat(Model.Rows.SelectMany(r => r.Select(c => c.Text)));

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight)
    {
        var total = Model.Columns.Sum(c => c.RelativeWidth);
        var widths = Model.Columns.Select(c => width * c.RelativeWidth / total).ToArray();
        var headerStyle = Style.WithBold();
        var header = RowBlock(fonts, [.. Model.Columns.Select((c, i) => (IReadOnlyList<string>)TextWrapper.Wrap(fonts, c.Header, headerStyle, WidthOf(widths, i)))],
            [.. Model.Columns.Select(_ => (TableCell?)null)], widths, headerStyle, HeaderFill, 0);
        header = new Block(header.Height, header.Draw) { KeepWithNext = true };
        yield return header;

        // A row may take at most what a page holds under the header; longer rows continue on the next page.
        var maxLines = Math.Max(1, (int)((pageHeight - header.Height - (2 * Padding)) / Style.LineHeight) - 1);
        for (var r = 0; r < Model.Rows.Count; r++)
        {
            var row = Model.Rows[r];
            var cells = row.Select((cell, i) => TextWrapper.Wrap(fonts, cell.Text, Style, WidthOf(widths, i))).ToArray();
            var lineCount = cells.Max(c => c.Count);
            var fill = r % 2 == 1 ? Zebra : SKColors.Empty;
            for (var first = 0; first < lineCount; first += maxLines)
            {
                var start = first;
                var part = cells.Select(c => (IReadOnlyList<string>)c.Skip(start).Take(maxLines).ToList()).ToArray();
                var block = RowBlock(fonts, part, [.. row], widths, Style, fill, first);
                yield return new Block(block.Height, block.Draw) { RepeatedHeader = header };
            }
        }
    }

    private static float WidthOf(float[] widths, int column) => Math.Max(1, widths[column] - (2 * Padding));

    private Block RowBlock(FontSet fonts, IReadOnlyList<IReadOnlyList<string>> lines, TableCell?[] cells, float[] widths, TextStyle style, SKColor fill, int firstLine)
    {
        var height = (Math.Max(1, lines.Max(l => l.Count)) * style.LineHeight) + (2 * Padding);
        return new Block(height, (context, x, y) =>
        {
            var canvas = context.Canvas;
            var right = x + widths.Sum();
            if (fill != SKColors.Empty)
            {
                using var background = new SKPaint { Color = fill };
                canvas.DrawRect(new SKRect(x, y, right, y + height), background);
            }

            var left = x;
            for (var c = 0; c < widths.Length; c++)
            {
                var cell = cells[c];
                var numeric = Model.Columns[c].IsNumeric;
                var cellStyle = cell?.Link is null ? style : style with { Color = LinkColor };
                for (var i = 0; i < lines[c].Count; i++)
                {
                    var text = lines[c][i];
                    // Measured only where the width is needed: to align a number right, or to size a link's area.
                    var textWidth = numeric || cell?.Link is not null ? fonts.Measure(text, cellStyle) : 0;
                    var textX = numeric ? left + widths[c] - Padding - textWidth : left + Padding;
                    var top = y + Padding + (i * style.LineHeight);
                    fonts.Draw(canvas, text, textX, top + (style.Size * 1.05f), cellStyle);
                    if (cell?.Link is { } link && text.Length > 0)
                    {
                        var area = new SKRect(textX, top, textX + textWidth, top + style.LineHeight);
                        if (link.StartsWith('#'))
                        {
                            canvas.DrawLinkDestinationAnnotation(area, link[1..]);
                        }
                        else
                        {
                            canvas.DrawUrlAnnotation(area, link);
                        }
                    }
                }

                left += widths[c];
            }

            using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
            canvas.DrawLine(x, y + height, right, y + height, rule);
            if (firstLine == 0)
            {
                canvas.DrawLine(x, y, right, y, rule);
            }
        });
    }
}
