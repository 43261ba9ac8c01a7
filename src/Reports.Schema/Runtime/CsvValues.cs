namespace Reports.Schema.Runtime;

using System;
using System.Globalization;

/// <summary>Converts CSV fields to typed values, with located errors.</summary>
internal static class CsvValues
{
    public static long Int64(Utf8LineSource source, in CsvField field, string name)
    {
        var text = field.Value;
        if (TryInt64(text, out var value))
        {
            return value;
        }

        var kind = text.Length > 0 && (IsNonFinite(text) || IsMissing(text)) ? SchemaErrorKind.NonFiniteNumber : SchemaErrorKind.TypeMismatch;
        throw source.Error(kind, field.Line, field.Column, name, "an integer (long)", text.Length == 0 ? "an empty value" : Show(text));
    }

    public static long? NullableInt64(Utf8LineSource source, in CsvField field, string name, CsvMissingTally missing, int column)
    {
        if (IsMissing(field.Value))
        {
            missing.Add(column, field);
            return null;
        }

        return TryInt64(field.Value, out var value) ? value : throw source.Error(SchemaErrorKind.TypeMismatch, field.Line, field.Column, name, "an integer (long)", Show(field.Value));
    }

    /// <summary>
    /// An integer, or a float with no fraction ("18.0"): pandas writes an integer column that has a missing value as floats.
    /// </summary>
    private static bool TryInt64(string text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (!IsNonFinite(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && real == Math.Floor(real) && real >= -9.2e18 && real <= 9.2e18)
        {
            value = (long)real;
            return true;
        }

        return false;
    }

    public static double Double(Utf8LineSource source, in CsvField field, string name)
    {
        var text = field.Value;
        if (text.Length == 0)
        {
            throw source.Error(SchemaErrorKind.TypeMismatch, field.Line, field.Column, name, "a number (double)", "an empty value");
        }

        if (IsNonFinite(text) || IsMissing(text))
        {
            throw source.Error(SchemaErrorKind.NonFiniteNumber, field.Line, field.Column, name, "a finite number (double)", Show(text));
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsInfinity(value))
        {
            return value;
        }

        throw source.Error(SchemaErrorKind.TypeMismatch, field.Line, field.Column, name, "a number (double)", Show(text));
    }

    /// <summary>
    /// A number, missing (null) when the cell is empty or one of pandas' NaN spellings, and infinite for pandas'
    /// infinities (<c>inf</c>, <c>-inf</c>, <c>Infinity</c>): what <c>pandas.read_csv</c> reads from the same cell.
    /// </summary>
    public static double? NullableDouble(Utf8LineSource source, in CsvField field, string name, CsvMissingTally missing, int column)
    {
        var text = field.Value;
        if (IsMissing(text))
        {
            missing.Add(column, field);
            return null;
        }

        if (IsNonFinite(text))
        {
            return text.TrimStart()[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsInfinity(value))
        {
            return value;
        }

        throw source.Error(SchemaErrorKind.TypeMismatch, field.Line, field.Column, name, "a number (double), empty, or one of pandas' NaN spellings", Show(text));
    }

    /// <summary>pandas.read_csv's default NaN spellings (<c>na_values</c>), the empty cell among them.</summary>
    internal static bool IsMissing(string text)
    {
        switch (text)
        {
            case "":
            case "#N/A":
            case "#N/A N/A":
            case "#NA":
            case "-1.#IND":
            case "-1.#QNAN":
            case "-NaN":
            case "-nan":
            case "1.#IND":
            case "1.#QNAN":
            case "<NA>":
            case "N/A":
            case "NA":
            case "NULL":
            case "NaN":
            case "None":
            case "n/a":
            case "nan":
            case "null":
                return true;
            default:
                return false;
        }
    }

    public static bool Boolean(Utf8LineSource source, in CsvField field, string name) =>
        NullableBoolean(source, field, name) ?? throw source.Error(SchemaErrorKind.TypeMismatch, field.Line, field.Column, name, "true or false", "an empty value");

    public static bool? NullableBoolean(Utf8LineSource source, in CsvField field, string name)
    {
        var text = field.Value;
        if (text.Length == 0)
        {
            return null;
        }

        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw source.Error(SchemaErrorKind.TypeMismatch, field.Line, field.Column, name, "true or false", Show(text));
    }

    public static string String(in CsvField field) => field.Value;

    public static string? NullableString(in CsvField field) => field.Value.Length == 0 ? null : field.Value;

    /// <summary>pandas and numpy write these; double.Parse would accept some of them.</summary>
    internal static bool IsNonFinite(string text)
    {
        var t = text.Trim().TrimStart('+', '-').ToLowerInvariant();
        return t == "nan" || t == "inf" || t == "infinity" || t == "∞";
    }

    internal static string Show(string text) => "\"" + (text.Length > 40 ? text.Substring(0, 40) + "..." : text) + "\"";
}
