using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Reports.Analysis.Reading.Internals;

/// <summary>
/// The strategy for a list of strings (<c>tokenized_prompt</c>, a token list): 64 bytes at a time, as simdjson finds
/// string bounds. <see cref="JsonCursor.TrySkipStringArray"/> tries it before the byte-by-byte path.
/// </summary>
internal static class StringListSkip
{
    /// <summary>
    /// The rest of a token list, <c>"a", "b\n", ..., "z"]</c>, 64 bytes at a time, as simdjson finds string bounds: escaped
    /// characters are found from the runs of backslashes, the running parity of the other quotes marks the bytes inside
    /// strings, and what is outside must be commas and spaces, a comma after each closing quote and an opening quote
    /// after each comma, up to the closing bracket; every escape is checked in the same pass.
    /// </summary>
    /// <param name="position">The list's first string's opening quote.</param>
    /// <returns>Where the list ends, after its closing bracket; -1 for anything else, for the byte-by-byte path to read or reject.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int End(ReadOnlySpan<byte> json, int position)
    {
        if (!Vector256.IsHardwareAccelerated || position >= json.Length || json[position] != '"')
        {
            return -1;
        }

        var inString = false;        // the block starts inside a string
        var nextIsEscaped = 0ul;      // the block's first byte is escaped
        var hexCarry = 0ul;           // hex digits of a \uXXXX still due at the block's start
        var surrogateCarry = 0ul;     // an escaped u at the last byte of the block before
        var expectedLow = -1;         // where the low half of the last high surrogate escape is
        var afterClosing = 0ul;       // a closing quote (and spaces) ran up to the block: its next non-space is checked here
        var afterComma = 0ul;         // the same for a comma
        Span<byte> tail = stackalloc byte[JsonBlock.Size];
        for (var at = position; at < json.Length; at += JsonBlock.Size)
        {
            JsonBlock.Load(json, at, tail, out var low, out var high);
            var escaped = JsonBlock.Escaped(JsonBlock.Mask(low, high, (byte)'\\'), ref nextIsEscaped);
            var badEscapes = JsonBlock.BadEscapes(low, high, escaped, ref hexCarry);
            var surrogates = JsonBlock.SurrogateEscapes(low, high, escaped, ref surrogateCarry);
            var quotes = JsonBlock.Mask(low, high, (byte)'"') & ~escaped;
            var inside = JsonBlock.Inside(quotes, ref inString);
            var opening = quotes & inside;
            var closing = quotes & ~inside;
            var outside = ~inside & ~quotes;
            var commas = JsonBlock.Mask(low, high, (byte)',') & outside;
            var spaces = JsonBlock.Mask(low, high, (byte)' ') & outside;
            var end = JsonBlock.Mask(low, high, (byte)']') & outside;
            end &= unchecked(0ul - end); // the first closing bracket: the array's
            var before = unchecked(end - 1); // every bit below it (all bits when there is none)
            var range = before | end;

            // The first non-space after each closing quote and each comma: a carry through the run of spaces after it.
            var closingNext = JsonBlock.NextNonSpace(closing, spaces, ref afterClosing);
            var commaNext = JsonBlock.NextNonSpace(commas, spaces, ref afterComma);
            if ((outside & ~commas & ~spaces & before) != 0
                || (badEscapes & range) != 0
                || (closingNext & ~(commas | end) & range) != 0
                || (commaNext & ~opening & range) != 0
                || (closingNext & end) != end)
            {
                return -1;
            }

            if (!UnicodeEscape.ArePaired(json, surrogates & range, at, ref expectedLow))
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
