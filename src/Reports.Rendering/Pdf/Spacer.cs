namespace Reports.Rendering.Pdf;

/// <summary>Vertical space.</summary>
public sealed class Spacer(float height) : IElement
{
    public IEnumerable<string> Texts => [];

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight) => [new Block(height, static (_, _, _) => { })];
}
