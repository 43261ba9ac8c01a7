using SkiaSharp;

namespace Reports.Rendering.Typography;

/// <summary>One shipped font file: its bytes (for subsetting) and the typeface made from them.</summary>
internal sealed class ShippedFont(string fileName, byte[] data, SKTypeface typeface)
{
    public string FileName { get; } = fileName;

    /// <summary>The TTF file as shipped.</summary>
    public ReadOnlyMemory<byte> Data { get; } = data;

    public SKTypeface Typeface { get; } = typeface;
}
