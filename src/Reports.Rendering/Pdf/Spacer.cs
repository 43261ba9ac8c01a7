namespace Reports.Rendering.Pdf;

/// <summary>Vertical space.</summary>
internal sealed class Spacer(float height) : IElement
{
    public IEnumerable<string> Texts => [];

    /// <summary>Keeps the space with what follows, so it does not break a chain of blocks kept together.</summary>
    public bool KeepWithNext { get; init; }

    public IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight) => [new Block(height, static (_, _, _) => { }) { KeepWithNext = KeepWithNext }];
}
