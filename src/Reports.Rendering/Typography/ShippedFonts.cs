using System.Reflection;
using SkiaSharp;

namespace Reports.Rendering.Typography;

/// <summary>
/// The fonts that ship inside this assembly (Noto Sans, SIL Open Font License; see Fonts/OFL.txt), loaded once.
/// Nothing is taken from the machine: a report looks the same wherever it is built.
/// </summary>
public static class ShippedFonts
{
    private static readonly Lazy<ShippedFont> LazyRegular = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<ShippedFont> LazyBold = new(() => Load("NotoSans-Bold.ttf"));
    private static readonly Lazy<ShippedFont> LazyItalic = new(() => Load("NotoSans-Italic.ttf"));
    private static readonly Lazy<ShippedFont> LazySymbols = new(() => Load("NotoSansSymbols2-Regular.ttf"));

    /// <summary>The family name ScottPlot and the layout engine know the shipped text face by.</summary>
    public const string FamilyName = "Noto Sans";

    public static ShippedFont Regular => LazyRegular.Value;

    public static ShippedFont Bold => LazyBold.Value;

    public static ShippedFont Italic => LazyItalic.Value;

    /// <summary>The fallback for symbols the text faces lack.</summary>
    public static ShippedFont Symbols => LazySymbols.Value;

    private static ShippedFont Load(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Reports.Rendering.Fonts." + fileName)
            ?? throw new InvalidOperationException($"The font {fileName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return new ShippedFont(fileName, bytes, SKTypeface.FromData(SKData.CreateCopy(bytes)));
    }
}
