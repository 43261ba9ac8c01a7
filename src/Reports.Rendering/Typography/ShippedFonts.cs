using System.Reflection;
using SkiaSharp;

namespace Reports.Rendering.Typography;

/// <summary>
/// The fonts that ship inside this assembly (Noto and others under the SIL Open Font License or Apache 2.0; see
/// Fonts/OFL.txt), loaded on first use. Nothing is taken from the machine: a report looks the same wherever it is built.
/// </summary>
public static class ShippedFonts
{
    private static readonly Lazy<ShippedFont> LazyRegular = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<ShippedFont> LazyBold = new(() => Load("NotoSans-Bold.ttf"));
    private static readonly Lazy<ShippedFont> LazyItalic = new(() => Load("NotoSans-Italic.ttf"));
    private static readonly Lazy<ShippedFont> LazySymbols = new(() => Load("NotoSansSymbols2-Regular.ttf"));

    /// <summary>
    /// The faces for what Noto Sans does not draw, in the order they are asked: a character goes to the first that has
    /// it. Each is read only when a document has a character Noto Sans lacks.
    /// </summary>
    private static readonly Lazy<ShippedFont>[] LazyFallbacks =
    [
        .. ((string[])
        [
            "NotoSansMath-Regular.ttf",
            "NotoSansHebrew-Regular.ttf",
            "NotoSansArabic-Regular.ttf",
            "NotoSansDevanagari-Regular.ttf",
            "NotoSansBengali-Regular.ttf",
            "NotoSansGurmukhi-Regular.ttf",
            "NotoSansGujarati-Regular.ttf",
            "NotoSansOriya-Regular.ttf",
            "NotoSansTamil-Regular.ttf",
            "NotoSansTelugu-Regular.ttf",
            "NotoSansKannada-Regular.ttf",
            "NotoSansMalayalam-Regular.ttf",
            "NotoSansSinhala-Regular.ttf",
            "NotoSansThai-Regular.ttf",
            "DroidSansFallbackFull.ttf",
            "NanumGothic.ttf",
            "NotoEmoji-Regular.ttf",
        ]).Select(name => new Lazy<ShippedFont>(() => Load(name))),
    ];

    /// <summary>The family name ScottPlot and the layout engine know the shipped text face by.</summary>
    internal const string FamilyName = "Noto Sans";

    internal static ShippedFont Regular => LazyRegular.Value;

    internal static ShippedFont Bold => LazyBold.Value;

    internal static ShippedFont Italic => LazyItalic.Value;

    /// <summary>The fallback for symbols the text faces lack.</summary>
    internal static ShippedFont Symbols => LazySymbols.Value;

    /// <summary>How many faces follow <see cref="Regular"/> and <see cref="Symbols"/> for other scripts.</summary>
    internal static int FallbackCount => LazyFallbacks.Length;

    /// <summary>The <paramref name="index"/>th face for other scripts, loaded on first use.</summary>
    internal static ShippedFont Fallback(int index) => LazyFallbacks[index].Value;

    /// <summary>Whether some shipped face draws the code point.</summary>
    public static bool Draws(int codePoint)
    {
        if (Regular.Typeface.ContainsGlyph(codePoint) || Symbols.Typeface.ContainsGlyph(codePoint))
        {
            return true;
        }

        for (var i = 0; i < FallbackCount; i++)
        {
            if (Fallback(i).Typeface.ContainsGlyph(codePoint))
            {
                return true;
            }
        }

        return false;
    }

    private static ShippedFont Load(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Reports.Rendering.Fonts." + fileName)
            ?? throw new InvalidOperationException($"The font {fileName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return new ShippedFont(fileName, bytes, SKTypeface.FromData(SKData.CreateCopy(bytes)));
    }
}
