using System.Text;

namespace Reports.Pipeline.Features;

/// <summary>
/// How a tokenizer's piece is shown in the documents. The piece's own characters stay (nothing is dropped); what a
/// tokenizer encodes is shown as what it stands for:
/// <list type="bullet">
/// <item>SentencePiece's word mark <c>▁</c> is the space it stands for;</item>
/// <item>a byte-level (GPT-2 style) piece is decoded from its byte alphabet (<c>Ġ</c> a space, <c>Ċ</c> a line feed,
/// <c>âĢĶ</c> the "—" it encodes); bytes that are not a whole UTF-8 character are U+FFFD, as Python decodes them;</item>
/// <item>a line feed, whether written <c>\n</c> or as the byte-fallback piece <c>&lt;0x0A&gt;</c>, is a visible return
/// mark ⏎ and ends the line; a tab is ⇥, a carriage return ␍, other control characters their Control Pictures (␀ to ␟, ␡);</item>
/// <item>other byte-fallback pieces (<c>&lt;0xE4&gt;</c>) are shown as written: one byte of a character split over pieces.</item>
/// </list>
/// </summary>
public static class TokenText
{
    public const char ReturnMark = '⏎';

    /// <summary>Whether a prompt's pieces come from a byte-level BPE (GPT-2, Llama 3, ...): one of them has its space or line-feed byte.</summary>
    public static bool IsByteLevel(IReadOnlyList<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        return pieces.Any(p => p.Contains('Ġ', StringComparison.Ordinal) || p.Contains('Ċ', StringComparison.Ordinal))
            && pieces.All(p => p.All(c => ByteOf(c) >= 0));
    }

    /// <summary>The piece as shown, and whether the line ends after it (it ends in a line feed).</summary>
    public static (string Text, bool EndsLine) Display(string piece, bool byteLevel)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var text = byteLevel ? DecodeByteLevel(piece) : piece.Replace('▁', ' ');
        if (text is "<0x0A>")
        {
            return (ReturnMark.ToString(), true);
        }

        if (text is "<0x09>")
        {
            return ("⇥", false);
        }

        if (text is "<0x0D>")
        {
            return ("␍", false);
        }

        var endsLine = text.EndsWith('\n');
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal))
        {
            return (text, false);
        }

        var shown = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            shown.Append(c switch
            {
                '\n' => ReturnMark,
                '\t' => '⇥',
                '\r' => '␍',
                '\u007f' => '␡',
                < ' ' => (char)(0x2400 + c),
                _ => c,
            });
        }

        return (shown.ToString(), endsLine);
    }

    /// <summary>The piece's bytes through GPT-2's byte alphabet, decoded as UTF-8 (a split character gives U+FFFD).</summary>
    private static string DecodeByteLevel(string piece)
    {
        var bytes = new byte[piece.Length];
        for (var i = 0; i < piece.Length; i++)
        {
            bytes[i] = (byte)ByteOf(piece[i]);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// GPT-2's bytes_to_unicode, inverted: printable Latin-1 bytes are themselves; the other 68 bytes (controls, space,
    /// DEL, NBSP, soft hyphen...) were moved to U+0100 and on, in byte order. -1 for a character outside the alphabet.
    /// </summary>
    private static int ByteOf(char c)
    {
        if (c is (>= '!' and <= '~') or (>= '\u00a1' and <= '\u00ac') or (>= '\u00ae' and <= '\u00ff'))
        {
            return c;
        }

        if (c is < '\u0100' or > '\u0143')
        {
            return -1;
        }

        var n = c - 0x100;
        for (var b = 0; b < 256; b++)
        {
            if (b is (>= '!' and <= '~') or (>= 0xa1 and <= 0xac) or (>= 0xae and <= 0xff))
            {
                continue;
            }

            if (n-- == 0)
            {
                return b;
            }
        }

        return -1;
    }
}
