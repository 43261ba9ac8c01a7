using System.Globalization;
using System.Text;
using Reports.Analysis.Diagnostics;
using Reports.Pipeline.Diagnostics;
using Reports.Rendering.Report;
using Reports.Rendering.Typography;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// The characters of a document that no shipped font draws. The documents draw each as a box; a reader must also be
/// told, so each becomes a warning (RPT107) with its code point, where it first occurs and how often.
/// </summary>
public static class UndrawableCharacters
{
    private const int MaxListed = 8;

    /// <summary>"U+05D0 א", or "U+E000 (private use)" where the character itself would show nothing.</summary>
    private static string Name(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
    {
        UnicodeCategory.PrivateUse => string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4} (private use)"),
        UnicodeCategory.OtherNotAssigned => string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4} (unassigned)"),
        UnicodeCategory.Surrogate or UnicodeCategory.Format or UnicodeCategory.Control => string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4} {char.ConvertFromUtf32(codePoint)}"),
    };

    public static IReadOnlyList<ReportDiagnostic> Find(ReportDocument document)
    {
        var found = new SortedDictionary<int, (string FirstPlace, int Places)>();
        var drawable = new Dictionary<int, bool>();
        foreach (var (place, text) in DocumentTexts.Of(document))
        {
            var rest = text.AsSpan();
            HashSet<int>? inThisText = null;
            for (var i = rest.IndexOfAnyExceptInRange(' ', '~'); i >= 0; i = rest.IndexOfAnyExceptInRange(' ', '~'))
            {
                Rune.DecodeFromUtf16(rest[i..], out var rune, out var length);
                rest = rest[(i + length)..];
                var codePoint = rune.Value;
                if (!drawable.TryGetValue(codePoint, out var drawn))
                {
                    drawn = TextRuns.IsInvisible(codePoint) || ShippedFonts.Draws(codePoint);
                    drawable.Add(codePoint, drawn);
                }

                if (drawn || !(inThisText ??= []).Add(codePoint))
                {
                    continue;
                }

                found[codePoint] = found.TryGetValue(codePoint, out var seen) ? (seen.FirstPlace, seen.Places + 1) : (place, 1);
            }
        }

        // One warning per place a character is first met: a line of Hebrew without its font is one problem, not twenty.
        return [.. found.GroupBy(f => f.Value.FirstPlace, StringComparer.Ordinal).Select(place =>
        {
            var codePoints = place.Select(f => f.Key).ToList();
            var listed = string.Join(", ", codePoints.Take(MaxListed).Select(Name));
            var more = codePoints.Count > MaxListed ? string.Create(CultureInfo.InvariantCulture, $" and {codePoints.Count - MaxListed} more") : "";
            var places = place.Max(f => f.Value.Places);
            return new ReportDiagnostic(DiagnosticSeverity.Warning, PipelineDiagnosticCodes.UndrawableCharacter, string.Create(CultureInfo.InvariantCulture,
                $"{listed}{more} {(codePoints.Count == 1 ? "has" : "have")} no glyph in the shipped fonts: the PDF draws {(codePoints.Count == 1 ? "it" : "each")} as a box; first in {place.Key}{(places > 1 ? $", in up to {places} places in all" : "")}. Replace {(codePoints.Count == 1 ? "it" : "them")} in the input, or ask for a font that has {(codePoints.Count == 1 ? "it" : "them")}"));
        })];
    }
}
