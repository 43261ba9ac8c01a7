namespace Reports.Rendering.Pdf;

/// <summary>Continues on a new page.</summary>
internal sealed class PageBreak : IElement
{
    public IEnumerable<string> Texts => [];

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight) => [new Block(0, static (_, _, _) => { }) { BreakBefore = true }];
}
