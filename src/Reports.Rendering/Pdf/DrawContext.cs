using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>What a block needs when it is drawn: the page's canvas, the fonts, and where every anchor landed.</summary>
internal sealed record DrawContext(SKCanvas Canvas, FontSet Fonts, float ContentWidth, int PageNumber, int PageCount, IReadOnlyDictionary<string, int> AnchorPages);
