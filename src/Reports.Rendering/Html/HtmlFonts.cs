using System.Globalization;
using System.Text;
using Reports.Rendering.Typography;

namespace Reports.Rendering.Html;

/// <summary>
/// The shipped faces a page needs, cut to the characters it shows and embedded as <c>@font-face</c> data, so the page
/// looks the same offline and on a machine without Noto: the same faces, in the same fallback order, as the PDF.
/// </summary>
internal static class HtmlFonts
{
    /// <summary>
    /// The CSS for a page whose visible characters are <paramref name="codePoints"/> (<see cref="CodePointSet"/>): those of
    /// its markup and of the texts its script shows from the embedded data.
    /// </summary>
    public static string Css(IReadOnlyList<int> codePoints)
    {
        var (fallbacks, _) = FaceSelection.Fallbacks(codePoints);
        var css = new StringBuilder();
        // Under its own name: the charts' SVG (ScottPlot's) asks for "Noto Sans" by name, and a page's @font-face comes
        // before a machine's fonts of the same name.
        var families = new List<string> { ShippedFonts.FamilyName };
        FontFace(css, ShippedFonts.FamilyName, ShippedFonts.Regular, codePoints, "normal", "normal");
        FontFace(css, ShippedFonts.FamilyName, ShippedFonts.Bold, codePoints, "bold", "normal");
        var symbols = codePoints.Where(c => !ShippedFonts.Regular.Typeface.ContainsGlyph(c) && ShippedFonts.Symbols.Typeface.ContainsGlyph(c)).ToList();
        if (symbols.Count > 0)
        {
            families.Add("Report Symbols");
            FontFace(css, "Report Symbols", ShippedFonts.Symbols, symbols, "normal", "normal");
        }

        foreach (var (face, index) in fallbacks.Select((f, i) => (f, i)))
        {
            var family = string.Create(CultureInfo.InvariantCulture, $"Report {Path.GetFileNameWithoutExtension(face.Font.FileName)}");
            families.Add(family);
            FontFace(css, family, face.Font, face.CodePoints, "normal", "normal");
        }

        // The charts' text too: a CSS property outranks SVG's font-family attribute, so their labels get the fallbacks. The
        // heatmap's canvas reads the list from the body's computed style.
        css.Append("body, svg text { font-family: ").AppendJoin(", ", families.Select(f => $"\"{f}\"")).Append(", sans-serif; }\n");
        return css.ToString();
    }

    private static void FontFace(StringBuilder css, string family, ShippedFont font, IReadOnlyList<int> codePoints, string weight, string style) =>
        css.Append("@font-face { font-family: \"").Append(family).Append("\"; font-weight: ").Append(weight).Append("; font-style: ").Append(style)
            .Append("; src: url(data:font/ttf;base64,").Append(Convert.ToBase64String(FontSubsetter.Subset(font.Data, codePoints)))
            .Append(") format(\"truetype\"); }\n");
}
