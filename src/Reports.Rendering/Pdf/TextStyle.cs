using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>How a run of text looks: size in points, weight, slant and colour.</summary>
internal sealed record TextStyle(float Size = 9, bool Bold = false, bool Italic = false)
{
    public SKColor Color { get; init; } = new(0x1d, 0x1d, 0x1f);

    /// <summary>Distance between baselines.</summary>
    public float LineHeight => Size * 1.3f;

    public TextStyle WithBold() => this with { Bold = true };

    public static TextStyle Body { get; } = new();

    public static TextStyle Small { get; } = new(7.5f) { Color = new SKColor(0x66, 0x66, 0x66) };
}
