namespace Reports.Rendering.Pdf.Internals;

/// <summary>An outline entry laid out: the page it opens (0-based) and the point there, in points from the page's top-left corner.</summary>
internal sealed record PlacedOutlineEntry(string Title, int PageIndex, float Left, float Top, IReadOnlyList<PlacedOutlineEntry> Children);
