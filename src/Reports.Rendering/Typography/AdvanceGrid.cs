using SkiaSharp;

namespace Reports.Rendering.Typography;

/// <summary>
/// Font sizes on which every glyph advance, and every sum of advances, is exact in single precision. Skia's PDF
/// backend writes a run of glyphs as one <c>Tj</c> string only while each glyph sits exactly one advance (size /
/// units-per-em × the font's advance, in single precision) after the last; any rounding difference costs a <c>Td</c>
/// move per glyph, which made text-heavy pages five times larger. A size that is a multiple of units-per-em / 4096
/// has no rounding.
/// </summary>
internal static class AdvanceGrid
{
    private const int ScaleDenominator = 4096;

    /// <summary>The size nearest to the requested one whose advances are exact in single precision.</summary>
    public static float Size(SKTypeface typeface, float size)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        return Scale(size, typeface.UnitsPerEm) * typeface.UnitsPerEm;
    }

    /// <summary>Font units to the grid size's units: a multiple of 1/4096.</summary>
    public static float Scale(float size, int unitsPerEm) =>
        MathF.Max(1, MathF.Round(size / unitsPerEm * ScaleDenominator)) / ScaleDenominator;

    /// <summary>A drawing font at the grid size nearest to <paramref name="size"/>, with linear (unhinted) advances.</summary>
    public static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, Size(typeface, size)) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };

    /// <summary>The grid position nearest to x: a run started there keeps exact positions as it adds advances.</summary>
    public static float Position(float x) => MathF.Round(x * ScaleDenominator) / ScaleDenominator;
}
