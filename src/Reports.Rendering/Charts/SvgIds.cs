using System.Text.RegularExpressions;

namespace Reports.Rendering.Charts;

/// <summary>
/// Renames the ids of an SVG fragment to a given prefix and their order of appearance. Skia's SVG canvas numbers clip
/// paths from a process-wide counter, so the same plot got different ids on a second render in one process (and two
/// builds differed); and several plots inlined in one HTML page must not share an id.
/// </summary>
internal static partial class SvgIds
{
    public static string Renumber(string svg, string prefix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Definition().Matches(svg))
        {
            names.TryAdd(match.Groups[1].Value, prefix + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return names.Count == 0 ? svg : Reference().Replace(svg, match =>
            names.TryGetValue(match.Groups[2].Value, out var name) ? match.Groups[1].Value + name + match.Groups[3].Value : match.Value);
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Definition();

    /// <summary>id="x", url(#x) and href="#x".</summary>
    [GeneratedRegex("(\\bid=\"|url\\(#|href=\"#)([^\")]+)([\")])")]
    private static partial Regex Reference();
}
