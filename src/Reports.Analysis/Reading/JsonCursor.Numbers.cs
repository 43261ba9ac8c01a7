using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Reports.Analysis.Reading;

/// <summary>Numbers: the common short decimal in one pass, anything else through the runtime's parser.</summary>
internal ref partial struct JsonCursor
{
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
}
