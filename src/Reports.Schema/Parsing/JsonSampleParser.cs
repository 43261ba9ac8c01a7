using System.Globalization;
using System.Text;
using Reports.Schema.Model;

namespace Reports.Schema.Parsing;

/// <summary>
/// A small JSON parser for schema samples (a generator on netstandard2.0 cannot count on System.Text.Json).
/// It keeps each value's position, so inference problems point at the sample's line and column.
/// </summary>
internal sealed class JsonSampleParser
{
    private readonly string text;
    private readonly int line;
    private int position;

    private JsonSampleParser(string text, int line)
    {
        this.text = text;
        this.line = line;
    }

    /// <summary>Parses one JSONL line (0-based line number).</summary>
    public static JsonValue ParseLine(string text, int line)
    {
        var parser = new JsonSampleParser(text, line);
        var value = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser.position < text.Length)
        {
            throw parser.Error("expected the end of the line after the JSON value");
        }

        return value;
    }

    private JsonValue ParseValue()
    {
        SkipWhitespace();
        if (position >= text.Length)
        {
            throw Error("expected a JSON value, found the end of the line");
        }

        var start = position;
        switch (text[position])
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                ParseString();
                return new JsonValue(ValueKind.String, false, line, start);
            case 't':
                Expect("true");
                return new JsonValue(ValueKind.Boolean, false, line, start);
            case 'f':
                Expect("false");
                return new JsonValue(ValueKind.Boolean, false, line, start);
            case 'n':
                Expect("null");
                return new JsonValue(ValueKind.Unknown, true, line, start);
            default:
                return ParseNumber();
        }
    }

    private JsonValue ParseObject()
    {
        var value = new JsonValue(ValueKind.Object, false, line, position);
        position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            position++;
            return value;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            var name = ParseString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("expected ':' after a property name");
            }

            position++;
            value.Properties.Add(new(name, ParseValue()));
            SkipWhitespace();
            var next = Peek();
            position++;
            if (next == '}')
            {
                return value;
            }

            if (next != ',')
            {
                position--;
                throw Error("expected ',' or '}' in an object");
            }
        }
    }

    private JsonValue ParseArray()
    {
        var value = new JsonValue(ValueKind.Array, false, line, position);
        position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            position++;
            return value;
        }

        while (true)
        {
            value.Items.Add(ParseValue());
            SkipWhitespace();
            var next = Peek();
            position++;
            if (next == ']')
            {
                return value;
            }

            if (next != ',')
            {
                position--;
                throw Error("expected ',' or ']' in an array");
            }
        }
    }

    private string ParseString()
    {
        var result = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return result.ToString();
            }

            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (position >= text.Length)
            {
                break;
            }

            var escape = text[position++];
            switch (escape)
            {
                case 'u' when position + 4 <= text.Length:
                    result.Append((char)int.Parse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    position += 4;
                    break;
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                default: result.Append(escape); break;
            }
        }

        throw Error("expected a closing quote for the string");
    }

    private JsonValue ParseNumber()
    {
        var start = position;
        while (position < text.Length && "+-0123456789.eE".IndexOf(text[position]) >= 0)
        {
            position++;
        }

        var number = text.Substring(start, position - start);
        if (number.Length == 0)
        {
            // NaN and Infinity are what Python writes; they are not JSON.
            throw Error(text.Substring(start).StartsWith("NaN") || text.Substring(start).TrimStart('-').StartsWith("Infinity")
                ? "NaN and Infinity are not JSON numbers"
                : "expected a JSON value");
        }

        var isInteger = number.IndexOfAny(['.', 'e', 'E']) < 0;
        if (isInteger ? !long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                      : !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            position = start;
            throw Error("'" + number + "' is not a JSON number");
        }

        return new JsonValue(isInteger ? ValueKind.Integer : ValueKind.Double, false, line, start);
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            throw Error("expected a JSON value");
        }

        position += literal.Length;
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private SampleSyntaxException Error(string message) => new("RPTG002", line, position, message);
}
