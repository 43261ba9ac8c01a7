using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// The unit of pagination: an unbreakable box of known height and the code that draws it. Elements turn themselves
/// into blocks for a width (measure); the paginator places blocks on pages; then every page is drawn.
/// </summary>
internal sealed class Block(float height, Action<DrawContext, float, float> draw)
{
    public float Height { get; } = height;

    /// <summary>Draws the block with its top-left corner at (x, y) on the content area.</summary>
    public Action<DrawContext, float, float> Draw { get; } = draw;

    /// <summary>Drawn first when this block starts a page (a table's header row).</summary>
    public Block? RepeatedHeader { get; init; }

    /// <summary>Moves to the next page together with the following block (headings, header rows).</summary>
    public bool KeepWithNext { get; init; }

    public bool BreakBefore { get; init; }

    /// <summary>A named destination at the block's top, for internal links.</summary>
    public string? Anchor { get; init; }

    /// <summary>
    /// Set by a block whose drawing needs nothing of the page (a chart): it records the drawing, with its top-left
    /// corner at the origin, into a picture. A document records such blocks on a thread of its own, ahead of the
    /// pages, and draws the picture where <see cref="Draw"/> would have drawn.
    /// </summary>
    public Func<SKPicture>? Record { get; init; }
}
