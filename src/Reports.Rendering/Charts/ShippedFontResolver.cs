using Reports.Rendering.Typography;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// Answers every ScottPlot font request with the shipped Noto Sans, so plots never use a machine's fonts. A document
/// can register its subset faces under a name of its own: ScottPlot caches typefaces by name, so a fresh name keeps
/// a PDF from receiving the whole font that an earlier PNG render used.
/// </summary>
internal sealed class ShippedFontResolver : IFontResolver
{
    private static readonly object Gate = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (SKTypeface Regular, SKTypeface Bold, SKTypeface Italic)> Registered = new(StringComparer.Ordinal);
    private static int registrations;
    private static bool installed;

    /// <summary>Registers typefaces under a new, unique family name and returns it.</summary>
    public static string Register(SKTypeface regular, SKTypeface bold, SKTypeface italic)
    {
        Install();
        var name = "Reports subset " + Interlocked.Increment(ref registrations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Registered[name] = (regular, bold, italic);
        return name;
    }

    public static void Unregister(string name) => Registered.TryRemove(name, out _);

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
        Registered.TryGetValue(fontName, out var faces)
            ? (bold ? faces.Bold : italic ? faces.Italic : faces.Regular)
            : (bold ? ShippedFonts.Bold : italic ? ShippedFonts.Italic : ShippedFonts.Regular).Typeface;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
}
