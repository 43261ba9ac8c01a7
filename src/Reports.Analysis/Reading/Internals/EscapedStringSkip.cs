using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Reports.Analysis.Reading.Internals;

/// <summary>
/// The strategy for the rest of a string from its first escape, 64 bytes at a time:
/// <see cref="JsonCursor.TrySkipStringRest"/> tries it before the escape-by-escape path.
/// </summary>
internal static class EscapedStringSkip
{
    /// <summary>
    /// The rest of a string from a backslash in it, 64 bytes at a time: the first quote no backslash escapes ends it, and
    /// every escape before it is checked in the same pass.
    /// </summary>
    /// <param name="position">A backslash in the string (what comes before it is checked).</param>
    /// <returns>Where the string ends, after its closing quote; -1 for a bad escape or no end.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int End(ReadOnlySpan<byte> json, int position)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return -1;
        }

        var nextIsEscaped = 0ul;
        var hexCarry = 0ul;
        var surrogateCarry = 0ul;
        var expectedLow = -1;
        Span<byte> tail = stackalloc byte[JsonBlock.Size];
        for (var at = position; at < json.Length; at += JsonBlock.Size)
        {
            JsonBlock.Load(json, at, tail, out var low, out var high);
            var escaped = JsonBlock.Escaped(JsonBlock.Mask(low, high, (byte)'\\'), ref nextIsEscaped);
            var badEscapes = JsonBlock.BadEscapes(low, high, escaped, ref hexCarry);
            var surrogates = JsonBlock.SurrogateEscapes(low, high, escaped, ref surrogateCarry);
            var end = JsonBlock.Mask(low, high, (byte)'"') & ~escaped;
            end &= unchecked(0ul - end);
            var range = unchecked(end - 1) | end;
            if ((badEscapes & range) != 0 || !UnicodeEscape.ArePaired(json, surrogates & range, at, ref expectedLow))
            {
                return -1;
            }

            if (end != 0)
            {
                return at + BitOperations.TrailingZeroCount(end) + 1;
            }
        }

        return -1;
    }
}
