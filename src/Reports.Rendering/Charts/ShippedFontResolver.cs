using Reports.Rendering.Typography;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>Answers every ScottPlot font request with the shipped Noto Sans, so plots never use a machine's fonts.</summary>
internal sealed class ShippedFontResolver : IFontResolver
{
    private static readonly object Gate = new();
    private static bool installed;

    /// <summary>Puts the shipped fonts first in ScottPlot's (global) resolver list, once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!installed)
            {
                Fonts.FontResolvers.Insert(0, new ShippedFontResolver());
                Fonts.Default = ShippedFonts.FamilyName;
                installed = true;
            }
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        (bold ? ShippedFonts.Bold : italic ? ShippedFonts.Italic : ShippedFonts.Regular).Typeface;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
}
