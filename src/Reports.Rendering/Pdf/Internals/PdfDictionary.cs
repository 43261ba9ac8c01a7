using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Rendering.Pdf.Internals;

/// <summary>
/// A PDF dictionary read from its text: its top-level keys in order, each with the raw text of its value (a nested
/// dictionary, array or string kept as written), enough to read what Skia wrote and to copy it into a new version.
/// </summary>
internal sealed partial class PdfDictionary
{
    private readonly List<KeyValuePair<string, string>> entries;

    private PdfDictionary(List<KeyValuePair<string, string>> entries) => this.entries = entries;

    /// <summary>The entries in the order written, keys without their slash.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => entries;

    /// <summary>The raw text of a value, or null when the key is absent.</summary>
    public string? this[string key] => entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>Reads the dictionary that starts with "&lt;&lt;" at or after <paramref name="start"/> (whitespace before it skipped).</summary>
    public static PdfDictionary Parse(string text, int start = 0)
    {
        var at = SkipSpace(text, start);
        Expect(text, at, "<<");
        at += 2;
        var entries = new List<KeyValuePair<string, string>>();
        while (true)
        {
            at = SkipSpace(text, at);
            if (at >= text.Length)
            {
                throw new InvalidDataException("a PDF dictionary is not closed");
            }

            if (string.CompareOrdinal(text, at, ">>", 0, 2) == 0)
            {
                return new PdfDictionary(entries);
            }

            Expect(text, at, "/");
            var keyEnd = EndOfToken(text, at + 1);
            var key = text[(at + 1)..keyEnd];
            var valueStart = SkipSpace(text, keyEnd);
            var valueEnd = EndOfValue(text, valueStart);
            entries.Add(new(key, text[valueStart..valueEnd]));
            at = valueEnd;
        }
    }

    /// <summary>The object number of a reference value ("12 0 R"); null when the key is absent or not a reference.</summary>
    public int? Reference(string key) =>
        this[key] is { } value && ReferencePattern().Match(value) is { Success: true } match ? Number(match.Groups[1].Value) : null;

    /// <summary>The object numbers of an array of references ("[2 0 R 13 0 R]"), in order.</summary>
    public IReadOnlyList<int> References(string key) =>
        this[key] is { } value ? [.. ReferencePattern().Matches(value).Select(m => Number(m.Groups[1].Value))] : [];

    /// <summary>The numbers of an array of numbers ("[0 0 841.92 594.96]"); null when the key is absent.</summary>
    public IReadOnlyList<double>? Numbers(string key) =>
        this[key] is { } value ? [.. NumberPattern().Matches(value).Select(m => double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture))] : null;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static void Expect(string text, int at, string expected)
    {
        if (string.CompareOrdinal(text, at, expected, 0, expected.Length) != 0)
        {
            throw new InvalidDataException($"expected \"{expected}\" at {at} of a PDF object, found \"{text[at..Math.Min(text.Length, at + 20)]}\"");
        }
    }

    /// <summary>The end of the value starting at <paramref name="at"/>; an integer followed by "0 R" is one reference.</summary>
    private static int EndOfValue(string text, int at)
    {
        if (at >= text.Length)
        {
            throw new InvalidDataException("a PDF dictionary ends inside a value");
        }

        switch (text[at])
        {
            case '<' when at + 1 < text.Length && text[at + 1] == '<':
                return Nested(text, at, "<<", ">>");
            case '[':
                return Nested(text, at, "[", "]");
            case '<':
                return text.IndexOf('>', at) is var close and >= 0 ? close + 1 : throw new InvalidDataException("a PDF hex string is not closed");
            case '(':
                return EndOfLiteralString(text, at);
            case '/':
                return EndOfToken(text, at + 1);
            default:
                var end = EndOfToken(text, at);
                // "12 0 R": look past the generation number for the R.
                var match = ReferenceTail().Match(text, end);
                return match.Success && match.Index == end && char.IsAsciiDigit(text[at]) ? end + match.Length : end;
        }
    }

    /// <summary>The end of an array or dictionary, skipping what it holds value by value (strings may hold brackets).</summary>
    private static int Nested(string text, int at, string open, string close)
    {
        at += open.Length;
        while (true)
        {
            at = SkipSpace(text, at);
            if (at >= text.Length)
            {
                throw new InvalidDataException($"a PDF \"{open}\" is not closed");
            }

            if (string.CompareOrdinal(text, at, close, 0, close.Length) == 0)
            {
                return at + close.Length;
            }

            at = EndOfValue(text, at);
        }
    }

    private static int EndOfLiteralString(string text, int at)
    {
        var depth = 0;
        for (var i = at; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i + 1;
            }
        }

        throw new InvalidDataException("a PDF string is not closed");
    }

    private static int EndOfToken(string text, int at)
    {
        while (at < text.Length && !IsSpace(text[at]) && "/<>[]()%".IndexOf(text[at], StringComparison.Ordinal) < 0)
        {
            at++;
        }

        return at;
    }

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length)
        {
            if (IsSpace(text[at]))
            {
                at++;
            }
            else if (text[at] == '%')
            {
                while (at < text.Length && text[at] is not ('\n' or '\r'))
                {
                    at++;
                }
            }
            else
            {
                break;
            }
        }

        return at;
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\r' or '\t' or '\f' or '\0';

    [GeneratedRegex(@"(\d+)\s+(\d+)\s+R\b")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\G\s+\d+\s+R(?![^\s/<>\[\]()%])")]
    private static partial Regex ReferenceTail();

    [GeneratedRegex(@"[-+]?(\d+\.?\d*|\.\d+)")]
    private static partial Regex NumberPattern();
}
