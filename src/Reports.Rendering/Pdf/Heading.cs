namespace Reports.Rendering.Pdf;

/// <summary>A section title with a named destination, so the contents list (and any link) can jump to it.</summary>
internal sealed class Heading(string text, int level, string anchor) : IElement
{
    public string Text { get; } = text;

    public int Level { get; } = level;

    public string Anchor { get; } = anchor;

    /// <summary>Start the section on a new page.</summary>
    public bool NewPage { get; init; }

    public IEnumerable<string> Texts => [Text];

    public TextStyle Style => new(Level == 1 ? 16 : 12, Bold: true);

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight)
    {
        var style = Style;
        var lines = TextWrapper.Wrap(fonts, Text, style, width);
        var height = (lines.Count * style.LineHeight) + (Level == 1 ? 10 : 6);
        yield return new Block(height, (context, x, y) =>
        {
            context.Canvas.DrawNamedDestinationAnnotation(new SkiaSharp.SKPoint(x, y), Anchor);
            for (var i = 0; i < lines.Count; i++)
            {
                context.Fonts.Draw(context.Canvas, lines[i], x, y + (style.Size * 1.05f) + (i * style.LineHeight), style);
            }
        })
        {
            KeepWithNext = true,
            BreakBefore = NewPage,
            Anchor = Anchor,
        };
    }
}
