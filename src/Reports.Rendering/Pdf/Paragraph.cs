using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>Wrapped text; one block per line, so a paragraph continues on the next page between lines.</summary>
internal sealed class Paragraph(string text, TextStyle? style = null) : IElement
{
    public string Text { get; } = text;

    public TextStyle Style { get; } = style ?? TextStyle.Body;

    /// <summary>Space after the paragraph, in points.</summary>
    public float SpaceAfter { get; init; } = 4;

    /// <summary>An absolute URI the whole paragraph links to.</summary>
    public string? Link { get; init; }

    /// <summary>Keeps the whole paragraph on the page of what follows (a caption or a key with its content).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>A named destination at the paragraph's first line, for links and the outline (the cover's title).</summary>
    public string? Anchor { get; init; }

    public IEnumerable<string> Texts => [Text];

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight)
    {
        var lines = TextWrapper.Wrap(fonts, Text, Style, width);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var height = Style.LineHeight + (i == lines.Count - 1 ? SpaceAfter : 0);
            var anchor = i == 0 ? Anchor : null;
            yield return new Block(height, (context, x, y) =>
            {
                if (anchor is not null)
                {
                    context.Canvas.DrawNamedDestinationAnnotation(new SKPoint(x, y), anchor);
                }

                var baseline = y + (Style.Size * 1.05f);
                context.Fonts.Draw(context.Canvas, line, x, baseline, Style);
                if (Link is not null)
                {
                    context.Canvas.DrawUrlAnnotation(new SKRect(x, y, x + context.Fonts.Measure(line, Style), y + Style.LineHeight), Link);
                }
            })
            { KeepWithNext = KeepWithNext, Anchor = anchor };
        }
    }
}
