using System.Buffers;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// The UTF-16 code units of <see cref="BidiClassTable.LevelRaisingAreas"/>, the high surrogates standing for the
/// areas beyond the BMP: a vectorised search for them skips the Latin, CJK or emoji text that cannot raise a level,
/// and only what it finds needs a class lookup.
/// </summary>
internal static class LevelRaisingCodeUnits
{
    /// <summary>Code units at which a character that may raise a level starts.</summary>
    public static SearchValues<char> Values { get; } = Create();

    private static SearchValues<char> Create()
    {
        var units = new List<char>();
        var areas = BidiClassTable.LevelRaisingAreas;
        for (var i = 0; i < areas.Length; i += 2)
        {
            int first = areas[i], last = areas[i + 1];
            for (var unit = first; unit <= Math.Min(last, 0xFFFF); unit++)
            {
                units.Add((char)unit);
            }
            if (last > 0xFFFF)
            {
                var firstHigh = char.ConvertFromUtf32(Math.Max(first, 0x10000))[0];
                var lastHigh = char.ConvertFromUtf32(last)[0];
                for (var unit = firstHigh; unit <= lastHigh; unit++)
                {
                    units.Add(unit);
                }
            }
        }
        return SearchValues.Create(units.ToArray());
    }
}
