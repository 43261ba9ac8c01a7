using System.Runtime.CompilerServices;
using System.Text;
using Reports.Analysis.Reading.Internals;

namespace Reports.Analysis.Reading;

/// <summary>Strings: read as bytes or decoded, skipped with their escapes checked.</summary>
internal ref partial struct JsonCursor
{
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
        var escapedEnd = EscapedStringSkip.End(json, Position);
        if (escapedEnd >= 0)
        {
            Position = escapedEnd;
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

    /// <summary>Whether the backslash at <paramref name="at"/> starts a valid escape.</summary>
    private readonly bool IsEscapeAt(int at) =>
        at + 1 < json.Length && (json[at + 1] is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'
            || UnicodeEscape.TryReadHex4(json, at, out _));

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

        if (!UnicodeEscape.TryRead(json, Position, out var codePoint, out var length))
        {
            return false;
        }

        Position += length;
        scratchUsed += new Rune(codePoint).EncodeToUtf8(scratch[scratchUsed..]);
        return true;
    }

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
        if (!UnicodeEscape.TryRead(json, Position, out _, out var length))
        {
            return false;
        }

        Position += length;
        return true;
    }
}
