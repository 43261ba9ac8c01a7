using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Reports.Analysis.Reading;

/// <summary>
/// A forward-only, validating JSON cursor over one line, for the fast prompts reader. It reads the few values the
/// aggregation needs and skips the rest at the speed of a vectorised search for the next quote, while still checking
/// the grammar of everything it skips (strings, escapes, numbers, literals, nesting). It never reports errors: any
/// surprise returns false and the caller hands the line to the generated reader, which locates and words the error.
/// The caller rejects lines with control characters first, so a string ends at the first quote that is not escaped.
/// Hot methods skip tiered compilation (a report run is short; quick tier-0 code made the scan three times slower).
/// </summary>
/// <param name="json">One line.</param>
/// <param name="scratch">
/// Where <see cref="TryReadString"/> decodes strings with escapes: at least as long as the line, since no escape
/// decodes to more bytes than it is written with.
/// </param>
internal ref struct JsonCursor(ReadOnlySpan<byte> json, Span<byte> scratch)
{
    /// <summary>The generated reader's limit (<see cref="Reports.Schema.ReaderLimits.MaxDepth"/>), counted from the line's root.</summary>
    private const int MaxDepth = Reports.Schema.ReaderLimits.MaxDepth;

    private readonly ReadOnlySpan<byte> json = json;
    private readonly Span<byte> scratch = scratch;
    private int scratchUsed;

    public JsonCursor(ReadOnlySpan<byte> json)
        : this(json, default)
    {
    }

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

    /// <summary>Where the cursor is, to come back to with <see cref="Rewind"/>.</summary>
    public readonly (int Position, int ScratchUsed) Checkpoint() => (Position, scratchUsed);

    /// <summary>Goes back to an earlier checkpoint, to read the same bytes another way (decoded texts after it are dropped).</summary>
    public void Rewind((int Position, int ScratchUsed) checkpoint)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(checkpoint.Position, Position);
        (Position, scratchUsed) = checkpoint;
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

    /// <summary>
    /// A string value, escapes and all: its text is the line's bytes when it has no escape, or else decoded into the
    /// scratch buffer exactly as System.Text.Json decodes it (<c>\uXXXX</c> to UTF-8, surrogate pairs joined). False
    /// for a lone surrogate, which System.Text.Json cannot give as a string either.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadString(out JsonText text)
    {
        text = default;
        if (!TryConsume((byte)'"'))
        {
            return false;
        }

        var start = Position;
        var end = StringRunEnd(start);
        if (end < 0)
        {
            return false;
        }

        if (json[end] == '"')
        {
            text = new JsonText(start, end - start, Decoded: false);
            Position = end + 1;
            return true;
        }

        var decodedStart = scratchUsed;
        while (true)
        {
            json[Position..end].CopyTo(scratch[scratchUsed..]);
            scratchUsed += end - Position;
            Position = end;
            if (json[Position] == '"')
            {
                Position++;
                text = new JsonText(decodedStart, scratchUsed - decodedStart, Decoded: true);
                return true;
            }

            if (!TryDecodeEscape())
            {
                return false;
            }

            end = StringRunEnd(Position);
            if (end < 0)
            {
                return false;
            }
        }
    }

    /// <summary>Skips whitespace and consumes <c>"name"</c> and its colon, if they come next (a name without escapes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryConsumeName(ReadOnlySpan<byte> name)
    {
        SkipWhitespace();
        var rest = json[Position..];
        if (rest.Length < name.Length + 2 || rest[0] != '"' || !rest[1..].StartsWith(name) || rest[name.Length + 1] != '"')
        {
            return false;
        }

        Position += name.Length + 2;
        return TryConsume((byte)':');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipString() => TryConsume((byte)'"') && TrySkipStringRest();

    /// <summary>Skips the rest of a string whose opening quote is consumed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipStringRest()
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

        // Escapes come in runs (a tokenizer's \n and \t, and with ensure_ascii every non-ASCII character): 64 bytes at a time.
        if (TrySkipEscapedStringRest())
        {
            return true;
        }

        while (true)
        {
            if (!TrySkipEscape())
            {
                return false;
            }

            at = StringRunEnd(Position);
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
    /// <param name="depth">The arrays and objects open around the value, the line's own object included: a value nested
    /// as deep as the generated reader's limit is declined, so that reader says so and both paths agree.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipValue(int depth)
    {
        if (depth >= MaxDepth)
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

        if (TrySkipStringsVectorized())
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
    /// The rest of a token list, <c>"a", "b\n", ..., "z"]</c>, 64 bytes at a time, as simdjson finds string bounds: escaped
    /// characters are found from the runs of backslashes, the running parity of the other quotes marks the bytes inside
    /// strings, and what is outside must be commas and spaces, a comma after each closing quote and an opening quote
    /// after each comma, up to the closing bracket; every escape is checked in the same pass. Anything else returns false
    /// with the position unchanged, for the byte-by-byte path to read or reject.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipStringsVectorized()
    {
        if (!Vector256.IsHardwareAccelerated || Position >= json.Length || json[Position] != '"')
        {
            return false;
        }

        var inString = false;        // the block starts inside a string
        var nextIsEscaped = 0ul;      // the block's first byte is escaped
        var hexCarry = 0ul;           // hex digits of a \uXXXX still due at the block's start
        var surrogateCarry = 0ul;     // an escaped u at the last byte of the block before
        var expectedLow = -1;         // where the low half of the last high surrogate escape is
        var afterClosing = 0ul;       // a closing quote (and spaces) ran up to the block: its next non-space is checked here
        var afterComma = 0ul;         // the same for a comma
        Span<byte> tail = stackalloc byte[JsonBlock.Size];
        for (var at = Position; at < json.Length; at += JsonBlock.Size)
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
                return false;
            }

            if (!ArePaired(surrogates & range, at, ref expectedLow))
            {
                return false;
            }

            if (end != 0)
            {
                Position = at + BitOperations.TrailingZeroCount(end) + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rest of a string from a backslash in it, 64 bytes at a time: the first quote no backslash escapes ends it, and
    /// every escape before it is checked in the same pass. False with the position unchanged for a bad escape or no end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipEscapedStringRest()
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return false;
        }

        var nextIsEscaped = 0ul;
        var hexCarry = 0ul;
        var surrogateCarry = 0ul;
        var expectedLow = -1;
        Span<byte> tail = stackalloc byte[JsonBlock.Size];
        for (var at = Position; at < json.Length; at += JsonBlock.Size)
        {
            JsonBlock.Load(json, at, tail, out var low, out var high);
            var escaped = JsonBlock.Escaped(JsonBlock.Mask(low, high, (byte)'\\'), ref nextIsEscaped);
            var badEscapes = JsonBlock.BadEscapes(low, high, escaped, ref hexCarry);
            var surrogates = JsonBlock.SurrogateEscapes(low, high, escaped, ref surrogateCarry);
            var end = JsonBlock.Mask(low, high, (byte)'"') & ~escaped;
            end &= unchecked(0ul - end);
            var range = unchecked(end - 1) | end;
            if ((badEscapes & range) != 0 || !ArePaired(surrogates & range, at, ref expectedLow))
            {
                return false;
            }

            if (end != 0)
            {
                Position = at + BitOperations.TrailingZeroCount(end) + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the <c>\uD...</c> escapes whose first hex digit <paramref name="digits"/> marks (in the block at
    /// <paramref name="blockStart"/>) are characters: a high surrogate followed by its low half, or no surrogate. A lone
    /// half is no character: the line goes to the generated reader, which reads it as U+FFFD and counts it.
    /// </summary>
    private readonly bool ArePaired(ulong digits, int blockStart, ref int expectedLow)
    {
        for (var bits = digits; bits != 0; bits &= bits - 1)
        {
            var backslash = blockStart + BitOperations.TrailingZeroCount(bits) - 2;
            if (!TryReadHex4(backslash, out var unit) || !char.IsSurrogate((char)unit))
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

            if (!TryReadUnicodeEscape(backslash, out _, out _))
            {
                return false;
            }

            expectedLow = backslash + 6;
        }

        return true;
    }

    /// <summary>Whether the backslash at <paramref name="at"/> starts a valid escape.</summary>
    private readonly bool IsEscapeAt(int at) =>
        at + 1 < json.Length && (json[at + 1] is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'
            || TryReadHex4(at, out _));

    /// <summary>At a backslash: decodes one escape into the scratch buffer (a surrogate pair as one code point).</summary>
    private bool TryDecodeEscape()
    {
        if (Position + 1 >= json.Length)
        {
            return false;
        }

        byte simple = json[Position + 1] switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'/' => (byte)'/',
            (byte)'b' => (byte)'\b',
            (byte)'f' => (byte)'\f',
            (byte)'n' => (byte)'\n',
            (byte)'r' => (byte)'\r',
            (byte)'t' => (byte)'\t',
            _ => 0,
        };
        if (simple != 0)
        {
            scratch[scratchUsed++] = simple;
            Position += 2;
            return true;
        }

        if (!TryReadUnicodeEscape(Position, out var codePoint, out var length))
        {
            return false;
        }

        Position += length;
        scratchUsed += new Rune(codePoint).EncodeToUtf8(scratch[scratchUsed..]);
        return true;
    }

    /// <summary>
    /// The code point of the <c>\uXXXX</c> escape at <paramref name="at"/> (the backslash) and how many bytes it takes: 6,
    /// or 12 for a surrogate pair. False for bad hex digits and for a surrogate without its other half, which is no character.
    /// </summary>
    private readonly bool TryReadUnicodeEscape(int at, out int codePoint, out int length)
    {
        codePoint = 0;
        length = 6;
        if (!TryReadHex4(at, out var unit) || char.IsLowSurrogate((char)unit))
        {
            return false;
        }

        codePoint = unit;
        if (!char.IsHighSurrogate((char)unit))
        {
            return true;
        }

        if (at + 7 >= json.Length || json[at + 6] != '\\' || !TryReadHex4(at + 6, out var low) || !char.IsLowSurrogate((char)low))
        {
            return false;
        }

        codePoint = char.ConvertToUtf32((char)unit, (char)low);
        length = 12;
        return true;
    }

    /// <summary>The four hex digits of a <c>\uXXXX</c> escape at <paramref name="at"/> (the backslash).</summary>
    private readonly bool TryReadHex4(int at, out int value)
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

    private bool TrySkipEscape()
    {
        if (!IsEscapeAt(Position))
        {
            return false;
        }

        if (json[Position + 1] != 'u')
        {
            Position += 2;
            return true;
        }

        // A surrogate escape only with its other half, as the vectorised skip checks it.
        if (!TryReadUnicodeEscape(Position, out _, out var length))
        {
            return false;
        }

        Position += length;
        return true;
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
}
