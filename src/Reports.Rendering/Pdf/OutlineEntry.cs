namespace Reports.Rendering.Pdf;

/// <summary>
/// A bookmark of the PDF's outline: a title and the anchor (a <see cref="Heading"/>'s or a paragraph's) it opens at,
/// with the entries nested under it. The document resolves the anchor to its page and position once laid out.
/// </summary>
internal sealed record OutlineEntry(string Title, string Anchor)
{
    public IReadOnlyList<OutlineEntry> Children { get; init; } = [];
}
