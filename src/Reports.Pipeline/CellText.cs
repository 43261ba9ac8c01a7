using System.Globalization;
using Reports.Analysis;

namespace Reports.Pipeline;

/// <summary>How numbers read in the documents' tables: the same on the cover, in the tables and on the feature pages.</summary>
internal static class CellText
{
    /// <summary>A statistic to fixed decimals; "—" for a missing or non-finite value.</summary>
    public static string Number(double? value, string format = "0.000") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// A number of the descriptions file: "—" for a feature without a row, empty where its row leaves the value missing
    /// (an empty cell or pandas' NaN), and "inf" or "-inf" as pandas writes its infinities.
    /// </summary>
    public static string FileNumber(FeatureDescription? row, double? value, string format = "0.000") => row is null ? "—" : value switch
    {
        null => "",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        { } v => v.ToString(format, CultureInfo.InvariantCulture),
    };

    /// <summary>A whole number of the descriptions file, as <see cref="FileNumber"/>.</summary>
    public static string FileCount(FeatureDescription? row, long? value) => row is null ? "—" : value is { } v ? Count(v) : "";

    /// <summary>A total with thousands separators.</summary>
    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A small count, as the data writes it.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
