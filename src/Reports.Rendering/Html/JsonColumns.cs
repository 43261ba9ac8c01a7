using System.Globalization;
using System.Text.Json;

namespace Reports.Rendering.Html;

/// <summary>
/// Columns of a table as JSON arrays, the smallest form of many rows once compressed: no repeated keys, and a column
/// of few distinct texts written as its distinct values and a code per row.
/// </summary>
internal static class JsonColumns
{
    /// <summary>How much JSON the writer holds before it passes it on: a catalogue is hundreds of megabytes at a million features.</summary>
    private const int SpillBytes = 1 << 16;

    /// <summary>Numbers; NaN is null, and infinities (which JSON lacks) are the strings "inf" and "-inf", as pandas writes them.</summary>
    /// <param name="significantDigits">Rounds to this many significant digits (a computed statistic has 17, of which the
    /// page shows 3 or 4 decimals); null keeps every digit (the numbers of the input files, written as read).</param>
    public static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values, int? significantDigits = null)
    {
        var format = significantDigits is { } digits ? "G" + digits.ToString(CultureInfo.InvariantCulture) : null;
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            Spill(json);
            switch (value)
            {
                case double.NaN:
                    json.WriteNullValue();
                    break;
                case double.PositiveInfinity:
                    json.WriteStringValue("inf");
                    break;
                case double.NegativeInfinity:
                    json.WriteStringValue("-inf");
                    break;
                default:
                    if (format is null)
                    {
                        json.WriteNumberValue(value);
                    }
                    else
                    {
                        // "G" gives a JSON number (an exponent as "E+06" or "E-07"): no validation needed.
                        json.WriteRawValue(value.ToString(format, CultureInfo.InvariantCulture), skipInputValidation: true);
                    }

                    break;
            }
        }

        json.WriteEndArray();
    }

    public static void Integers(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            Spill(json);
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    public static void Integers(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            Spill(json);
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Whole numbers, null where missing.</summary>
    public static void Integers(Utf8JsonWriter json, string name, IReadOnlyList<long?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            Spill(json);
            if (value is { } v)
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Flags as 0 and 1.</summary>
    public static void Flags(Utf8JsonWriter json, string name, IReadOnlyList<bool> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            Spill(json);
            json.WriteNumberValue(value ? 1 : 0);
        }

        json.WriteEndArray();
    }

    /// <summary>Texts, null where missing.</summary>
    /// <param name="written">Told each text written, for what must see every text of a column read while it is written.</param>
    public static void Texts(Utf8JsonWriter json, string name, IEnumerable<string?> values, Action<string>? written = null)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            Spill(json);
            json.WriteStringValue(value);
            if (value is not null)
            {
                written?.Invoke(value);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// A column of few distinct texts (types, tokens): <c>{"values": [distinct texts in first-seen order], "codes":
    /// [index per row, -1 for null]}</c>. The values are enumerated once.
    /// </summary>
    /// <param name="written">Told each distinct text written.</param>
    public static void Coded(Utf8JsonWriter json, string name, IEnumerable<string?> values, Action<string>? written = null)
    {
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var codes = new List<int>();
        foreach (var value in values)
        {
            if (value is not { } text)
            {
                codes.Add(-1);
            }
            else if (codeOf.TryGetValue(text, out var code))
            {
                codes.Add(code);
            }
            else
            {
                codes.Add(codeOf[text] = distinct.Count);
                distinct.Add(text);
            }
        }

        json.WriteStartObject(name);
        Texts(json, "values", distinct, written);
        Integers(json, "codes", codes);
        json.WriteEndObject();
    }

    /// <summary>
    /// Passes the writer's pending bytes to its stream once there are enough of them: <see cref="Utf8JsonWriter"/> keeps
    /// everything written until it is flushed, so a column of a million texts would otherwise be held whole.
    /// </summary>
    private static void Spill(Utf8JsonWriter json)
    {
        if (json.BytesPending >= SpillBytes)
        {
            json.Flush();
        }
    }
}
