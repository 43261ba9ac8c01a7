using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Reports.Analysis.Reading;

/// <summary>
/// A forward-only, validating JSON cursor over one line, for the fast prompts reader. It reads the few values the
/// aggregation needs and skips the rest at the speed of a vectorised search for the next quote, while still checking
/// the grammar of everything it skips (strings, escapes, numbers, literals, nesting). It never reports errors: any
/// surprise returns false and the caller hands the line to the generated reader, which locates and words the error.
/// The caller rejects lines with control characters first, so a string ends at the first quote that is not escaped.
/// Hot methods skip tiered compilation (a report run is short; quick tier-0 code made the scan three times slower).
/// </summary>
internal ref struct JsonCursor(ReadOnlySpan<byte> json)
{
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> json = json;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= json.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipWhitespace()
    {
        // Compact JSON has no whitespace between tokens: one comparison settles the common case.
        if (Position < json.Length && json[Position] > ' ')
        {
            return;
        }

        SkipWhitespaceSlowly();
    }

    private void SkipWhitespaceSlowly()
    {
        while (Position < json.Length && json[Position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            Position++;
        }
    }

    /// <summary>Skips whitespace and consumes <paramref name="token"/> if it comes next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryConsume(byte token)
    {
        SkipWhitespace();
        if (Position < json.Length && json[Position] == token)
        {
            Position++;
            return true;
        }

        return false;
    }

    /// <summary>Consumes <paramref name="literal"/> if the bytes at the position are exactly it (no whitespace skipped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryConsumeLiteral(ReadOnlySpan<byte> literal)
    {
        if (!json[Position..].StartsWith(literal))
        {
            return false;
        }

        Position += literal.Length;
        return true;
    }

    /// <summary>Goes back to an earlier position, to read the same bytes another way.</summary>
    public void Rewind(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Position);
        Position = position;
    }

    /// <summary>Skips whitespace and tells the next byte (0 at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte Peek()
    {
        SkipWhitespace();
        return Position < json.Length ? json[Position] : (byte)0;
    }

    /// <summary>A string without escapes, as its raw UTF-8 bytes; false for anything else (escaped strings go the slow way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadPlainString(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryConsume((byte)'"'))
        {
            return false;
        }

        var end = StringRunEnd(Position);
        if (end < 0 || json[end] != '"')
        {
            return false;
        }

        value = json[Position..end];
        Position = end + 1;
        return true;
    }

    /// <summary>As <see cref="TryReadPlainString(out ReadOnlySpan{byte})"/>, as offsets into the line (for callers that keep them).</summary>
    public bool TryReadPlainString(out int start, out int length)
    {
        SkipWhitespace();
        start = Position + 1;
        var read = TryReadPlainString(out ReadOnlySpan<byte> value);
        length = value.Length;
        return read;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipString() => TryConsume((byte)'"') && TrySkipStringRest();

    /// <summary>Skips the rest of a string whose opening quote is consumed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipStringRest()
    {
        while (true)
        {
            var at = StringRunEnd(Position);
            if (at < 0)
            {
                return false;
            }

            Position = at;
            if (json[Position] == '"')
            {
                Position++;
                return true;
            }

            if (!TrySkipEscape())
            {
                return false;
            }
        }
    }

    /// <summary>Where the next quote or backslash is at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int StringRunEnd(int from)
    {
        // Most strings here are names and tokens of a few bytes: look at them one by one before paying for a vector search.
        var end = Math.Min(json.Length, from + 16);
        for (var at = from; at < end; at++)
        {
            if (json[at] is (byte)'"' or (byte)'\\')
            {
                return at;
            }
        }

        var length = json[end..].IndexOfAny((byte)'"', (byte)'\\');
        return length < 0 ? -1 : end + length;
    }

    /// <summary>
    /// The common number, <c>-?(0|[1-9][0-9]*)(.[0-9]+)?</c> with at most 15 significant digits, read in one pass.
    /// Then the digits as an integer and the power of ten are both exact doubles, and one division rounds correctly
    /// (Clinger's fast path): the same bits as a full parser. False, with the position unchanged, for anything else
    /// (more digits, an exponent, a malformed number), which the full parser then reads or rejects.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadShortDecimal(out double value, out long integer, out bool integral)
    {
        value = 0;
        integer = 0;
        integral = false;
        var at = Position;
        var negative = at < json.Length && json[at] == '-';
        if (negative)
        {
            at++;
        }

        if (at >= json.Length || !char.IsAsciiDigit((char)json[at]))
        {
            return false;
        }

        ulong digits = 0;
        var first = at;
        if (json[at] == '0')
        {
            at++;
        }
        else
        {
            for (; at < json.Length && char.IsAsciiDigit((char)json[at]); at++)
            {
                digits = (digits * 10) + (uint)(json[at] - '0');
            }
        }

        var fraction = 0;
        if (at < json.Length && json[at] == '.')
        {
            var fractionStart = ++at;
            for (; at < json.Length && char.IsAsciiDigit((char)json[at]); at++)
            {
                digits = (digits * 10) + (uint)(json[at] - '0');
            }

            fraction = at - fractionStart;
            if (fraction == 0)
            {
                return false;
            }
        }

        // At most 15 digits: no overflow, and below 2^53. An exponent, or a letter after the number, goes the slow way.
        if (at - first - (fraction > 0 ? 1 : 0) > 15
            || !IsNumberEnd(at))
        {
            return false;
        }

        value = (double)digits / PowersOfTen[fraction];
        integer = (long)digits;
        if (negative)
        {
            value = -value;
            integer = -integer;
        }

        integral = fraction == 0;
        Position = at;
        return true;
    }

    /// <summary>10^0 to 10^15, each exact in a double.</summary>
    private static ReadOnlySpan<double> PowersOfTen => [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>A JSON number (strict grammar), parsed as System.Text.Json parses it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadDouble(out double value)
    {
        SkipWhitespace();
        if (TryReadShortDecimal(out value, out _, out _))
        {
            return true;
        }

        var start = Position;
        if (!TrySkipNumber(out _))
        {
            return false;
        }

        return Utf8Parser.TryParse(json[start..Position], out value, out var consumed) && consumed == Position - start && double.IsFinite(value);
    }

    /// <summary>A JSON integer that fits a long (a fraction or exponent goes the slow way, which says why it is wrong).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadInt64(out long value)
    {
        SkipWhitespace();
        if (TryReadShortDecimal(out _, out value, out var whole))
        {
            return whole;
        }

        var start = Position;
        return TrySkipNumber(out var integral) && integral
            && Utf8Parser.TryParse(json[start..Position], out value, out var consumed) && consumed == Position - start;
    }

    /// <summary>Skips any JSON value, checking its grammar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipValue(int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (Peek())
        {
            case (byte)'"':
                return TrySkipString();
            case (byte)'{':
                Position++;
                if (TryConsume((byte)'}'))
                {
                    return true;
                }

                do
                {
                    if (!TrySkipString() || !TryConsume((byte)':') || !TrySkipValue(depth + 1))
                    {
                        return false;
                    }
                }
                while (TryConsume((byte)','));

                return TryConsume((byte)'}');
            case (byte)'[':
                Position++;
                if (TryConsume((byte)']'))
                {
                    return true;
                }

                do
                {
                    if (!TrySkipValue(depth + 1))
                    {
                        return false;
                    }
                }
                while (TryConsume((byte)','));

                return TryConsume((byte)']');
            case (byte)'t':
                return TrySkipLiteral("true"u8);
            case (byte)'f':
                return TrySkipLiteral("false"u8);
            case (byte)'n':
                return TrySkipLiteral("null"u8);
            default:
                return TrySkipNumber(out _);
        }
    }

    /// <summary>Skips an array whose items must all be strings (the shape of <c>tokenized_prompt</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipStringArray()
    {
        if (!TryConsume((byte)'['))
        {
            return false;
        }

        if (TryConsume((byte)']'))
        {
            return true;
        }

        if (TrySkipCompactStringsVectorized())
        {
            return true;
        }

        do
        {
            if (!TrySkipString())
            {
                return false;
            }
        }
        while (TryConsume((byte)','));

        return TryConsume((byte)']');
    }

    /// <summary>
    /// The common shape of a token list, <c>"a","b",...,"z"]</c> (no escapes, no spaces), 64 bytes at a time, as
    /// simdjson finds string bounds: the running parity of the quotes marks the bytes inside strings, and what is
    /// outside must be commas, each after a closing and before an opening quote, up to the closing bracket. Anything
    /// else (an escape, whitespace, the end of the line near) returns false with the position unchanged, for the
    /// byte-by-byte path to read or reject.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipCompactStringsVectorized()
    {
        if (!Vector256.IsHardwareAccelerated || Position >= json.Length || json[Position] != '"')
        {
            return false;
        }

        const int Block = 64;
        const ulong Top = 1ul << 63;
        var inString = false;      // the block starts inside a string
        var closedBefore = false;  // the byte before the block was a closing quote
        var commaBefore = false;   // the byte before the block was a comma
        ref var start = ref MemoryMarshal.GetReference(json);
        for (var at = Position; at + Block <= json.Length; at += Block)
        {
            var low = Vector256.LoadUnsafe(ref start, (nuint)at);
            var high = Vector256.LoadUnsafe(ref start, (nuint)(at + Vector256<byte>.Count));
            if (Vector256.EqualsAny(low, Vector256.Create((byte)'\\')) || Vector256.EqualsAny(high, Vector256.Create((byte)'\\')))
            {
                return false;
            }

            var quotes = Mask(low, high, (byte)'"');
            var commas = Mask(low, high, (byte)',');
            var brackets = Mask(low, high, (byte)']');

            // Bit i of inside: an odd number of quotes at or before i, so byte i is an opening quote or string content.
            var inside = quotes;
            inside ^= inside << 1;
            inside ^= inside << 2;
            inside ^= inside << 4;
            inside ^= inside << 8;
            inside ^= inside << 16;
            inside ^= inside << 32;
            if (inString)
            {
                inside = ~inside;
            }

            var opening = quotes & inside;
            var closing = quotes & ~inside;
            var outside = ~inside & ~quotes;
            commas &= outside; // a comma inside a string (the token ",") is text
            var end = brackets & outside;
            end &= unchecked(0ul - end); // the first closing bracket: the array's
            var before = unchecked(end - 1); // every bit below it (all bits when there is none)

            // Outside strings only commas; a closing quote is followed by a comma or the end; a comma by an opening quote.
            var follows = (closing << 1) | (closedBefore ? 1ul : 0);
            var afterComma = (commas << 1) | (commaBefore ? 1ul : 0);
            if ((outside & ~commas & before) != 0
                || (follows & ~(commas | end) & (before | end)) != 0
                || (afterComma & ~opening & (before | end)) != 0
                || (follows & end) != end)
            {
                return false;
            }

            if (end != 0)
            {
                Position = at + BitOperations.TrailingZeroCount(end) + 1;
                return true;
            }

            inString = (inside & Top) != 0;
            closedBefore = (closing & Top) != 0;
            commaBefore = (commas & Top) != 0;
        }

        return false;
    }

    /// <summary>Bit i set where byte i of the 64 is <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(Vector256<byte> low, Vector256<byte> high, byte value) =>
        Vector256.Equals(low, Vector256.Create(value)).ExtractMostSignificantBits()
        | ((ulong)Vector256.Equals(high, Vector256.Create(value)).ExtractMostSignificantBits() << 32);

    private bool TrySkipEscape()
    {
        // At the backslash: \" \\ \/ \b \f \n \r \t, or \u and four hex digits.
        if (Position + 1 >= json.Length)
        {
            return false;
        }

        var kind = json[Position + 1];
        if (kind == 'u')
        {
            if (Position + 6 > json.Length || !IsHex(json[Position + 2]) || !IsHex(json[Position + 3]) || !IsHex(json[Position + 4]) || !IsHex(json[Position + 5]))
            {
                return false;
            }

            Position += 6;
            return true;
        }

        Position += 2;
        return kind is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t';
    }

    /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipNumber(out bool integral)
    {
        integral = true;
        if (Position < json.Length && json[Position] == '-')
        {
            Position++;
        }

        if (Position >= json.Length || !char.IsAsciiDigit((char)json[Position]))
        {
            return false;
        }

        if (json[Position] == '0')
        {
            Position++;
        }
        else
        {
            SkipDigits();
        }

        if (Position < json.Length && json[Position] == '.')
        {
            integral = false;
            Position++;
            if (!SkipDigits())
            {
                return false;
            }
        }

        if (Position < json.Length && json[Position] is (byte)'e' or (byte)'E')
        {
            integral = false;
            Position++;
            if (Position < json.Length && json[Position] is (byte)'+' or (byte)'-')
            {
                Position++;
            }

            if (!SkipDigits())
            {
                return false;
            }
        }

        return IsNumberEnd(Position);
    }

    /// <summary>A number ends at a delimiter or the end, not at a letter ("12abc").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool IsNumberEnd(int at) =>
        at >= json.Length || json[at] is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SkipDigits()
    {
        var start = Position;
        while (Position < json.Length && char.IsAsciiDigit((char)json[Position]))
        {
            Position++;
        }

        return Position > start;
    }

    private bool TrySkipLiteral(ReadOnlySpan<byte> literal)
    {
        if (!json[Position..].StartsWith(literal))
        {
            return false;
        }

        Position += literal.Length;
        return true;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
}
