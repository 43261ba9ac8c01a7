using System.Globalization;
using System.Text;

namespace Reports.Pipeline.ContinuousIntegration;

/// <summary>TeamCity's <c>buildStatisticValue</c> service message, with TeamCity's escaping of attribute values.</summary>
internal static class TeamCityServiceMessage
{
    public static string BuildStatisticValue(string key, long value) => string.Create(CultureInfo.InvariantCulture,
        $"##teamcity[buildStatisticValue key='{Escape(key)}' value='{value}']");

    /// <summary>A value as TeamCity reads it: <c>|</c> escapes <c>'</c>, <c>|</c>, <c>[</c>, <c>]</c> and line breaks.</summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            _ = c switch
            {
                '|' => builder.Append("||"),
                '\'' => builder.Append("|'"),
                '[' => builder.Append("|["),
                ']' => builder.Append("|]"),
                '\n' => builder.Append("|n"),
                '\r' => builder.Append("|r"),
                '\u0085' => builder.Append("|x"),
                '\u2028' => builder.Append("|l"),
                '\u2029' => builder.Append("|p"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
