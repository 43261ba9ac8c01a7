namespace Reports.Schema.Runtime;

using System;
using System.Text;

/// <summary>JSON string escapes decoded as System.Text.Json decodes them, except that a lone surrogate becomes U+FFFD.</summary>
internal static class JsonEscapes
{
    public static string DecodeReplacingLoneSurrogates(ReadOnlySpan<byte> escaped)
    {
        var text = new StringBuilder(escaped.Length);
        var i = 0;
        while (i < escaped.Length)
        {
            var backslash = escaped.Slice(i).IndexOf((byte)'\\');
            var end = backslash < 0 ? escaped.Length : i + backslash;
            text.Append(Encoding.UTF8.GetString(escaped.Slice(i, end - i).ToArray()));
            if (backslash < 0)
            {
                break;
            }

            var code = escaped[end + 1];
            i = end + 2;
            switch (code)
            {
                case (byte)'b': text.Append('\b'); break;
                case (byte)'f': text.Append('\f'); break;
                case (byte)'n': text.Append('\n'); break;
                case (byte)'r': text.Append('\r'); break;
                case (byte)'t': text.Append('\t'); break;
                case (byte)'u':
                    var unit = (char)Hex4(escaped.Slice(i, 4));
                    i += 4;
                    if (char.IsHighSurrogate(unit) && i + 6 <= escaped.Length && escaped[i] == (byte)'\\' && escaped[i + 1] == (byte)'u'
                        && char.IsLowSurrogate((char)Hex4(escaped.Slice(i + 2, 4))))
                    {
                        text.Append(unit).Append((char)Hex4(escaped.Slice(i + 2, 4)));
                        i += 6;
                    }
                    else
                    {
                        text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
                    }

                    break;
                default: text.Append((char)code); break;
            }
        }

        return text.ToString();
    }

    private static int Hex4(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        // Indexed: on .NET 10 a span's enumerator implements an interface, which compilers before C# 13 support reject.
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[i];
            value = (value << 4) | (digit <= (byte)'9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        }

        return value;
    }
}
