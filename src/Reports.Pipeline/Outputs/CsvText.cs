using System.Globalization;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// Writes the CSV outputs' fields straight into the writer: numbers are formatted into a stack buffer, not into a
/// string each, so a table of a hundred thousand rows leaves no garbage the size of the table behind.
/// </summary>
internal static class CsvText
{
    /// <summary>RFC 4180: a field holding a comma, quote or line break is quoted, inner quotes doubled.</summary>
    public static void WriteField(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    public static void Write(TextWriter writer, long value)
    {
        Span<char> text = stackalloc char[20];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        writer.Write(text[..length]);
    }

    /// <summary>The shortest text that reads back as the same double ("R").</summary>
    public static void Write(TextWriter writer, double value)
    {
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        writer.Write(text[..length]);
    }
}
