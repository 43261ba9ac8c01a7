using System.Globalization;

namespace Reports.Pipeline;

/// <summary>How numbers read in the documents' tables: the same on the cover, in the tables and on the feature pages.</summary>
internal static class CellText
{
    /// <summary>A statistic to fixed decimals; "—" for a missing or non-finite value.</summary>
    public static string Number(double? value, string format = "0.000") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>A total with thousands separators.</summary>
    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A small count, as the data writes it.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
