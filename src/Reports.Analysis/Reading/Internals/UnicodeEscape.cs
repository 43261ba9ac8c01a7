using System.Numerics;

namespace Reports.Analysis.Reading.Internals;

/// <summary>
/// <c>\uXXXX</c> escapes, read one way for every path (decoding, the scalar skip, the 64-byte skips' pairing check):
/// a surrogate is a character only with its other half.
/// </summary>
internal static class UnicodeEscape
{
    /// <summary>
    /// Whether the <c>\uD...</c> escapes whose first hex digit <paramref name="digits"/> marks (in the block at
    /// <paramref name="blockStart"/>) are characters: a high surrogate followed by its low half, or no surrogate. A lone
    /// half is no character: the line goes to the generated reader, which reads it as U+FFFD and counts it.
    /// </summary>
    public static bool ArePaired(ReadOnlySpan<byte> json, ulong digits, int blockStart, ref int expectedLow)
    {
        for (var bits = digits; bits != 0; bits &= bits - 1)
        {
            var backslash = blockStart + BitOperations.TrailingZeroCount(bits) - 2;
            if (!TryReadHex4(json, backslash, out var unit) || !char.IsSurrogate((char)unit))
            {
                continue;
            }

            if (char.IsLowSurrogate((char)unit))
            {
                if (backslash != expectedLow)
                {
                    return false;
                }

                continue;
            }

            if (!TryRead(json, backslash, out _, out _))
            {
                return false;
            }

            expectedLow = backslash + 6;
        }

        return true;
    }

    /// <summary>
    /// The code point of the <c>\uXXXX</c> escape at <paramref name="at"/> (the backslash) and how many bytes it takes: 6,
    /// or 12 for a surrogate pair. False for bad hex digits and for a surrogate without its other half, which is no character.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, int at, out int codePoint, out int length)
    {
        codePoint = 0;
        length = 6;
        if (!TryReadHex4(json, at, out var unit) || char.IsLowSurrogate((char)unit))
        {
            return false;
        }

        codePoint = unit;
        if (!char.IsHighSurrogate((char)unit))
        {
            return true;
        }

        if (at + 7 >= json.Length || json[at + 6] != '\\' || !TryReadHex4(json, at + 6, out var low) || !char.IsLowSurrogate((char)low))
        {
            return false;
        }

        codePoint = char.ConvertToUtf32((char)unit, (char)low);
        length = 12;
        return true;
    }

    /// <summary>The four hex digits of a <c>\uXXXX</c> escape at <paramref name="at"/> (the backslash).</summary>
    public static bool TryReadHex4(ReadOnlySpan<byte> json, int at, out int value)
    {
        value = 0;
        if (at + 6 > json.Length || json[at + 1] != 'u')
        {
            return false;
        }

        for (var i = at + 2; i < at + 6; i++)
        {
            var digit = HexValue(json[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
