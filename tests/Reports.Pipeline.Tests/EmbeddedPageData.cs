using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reports.Pipeline.Tests;

/// <summary>
/// The data report.html embeds, read back as a browser would, without the page's code: the element's base64 text,
/// gunzipped with the framework's GZipStream, parsed as JSON.
/// </summary>
internal static partial class EmbeddedPageData
{
    /// <summary>The element's compressed bytes (its gzip member, header included).</summary>
    public static byte[] Compressed(string html, string id)
    {
        var element = DataElement().Matches(html).SingleOrDefault(m => m.Groups["id"].Value == id)
            ?? throw new InvalidOperationException($"report.html has no data element #{id}");
        return Convert.FromBase64String(element.Groups["base64"].Value);
    }

    public static JsonDocument Read(string html, string id)
    {
        using var gzip = new GZipStream(new MemoryStream(Compressed(html, id)), CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    /// <summary>A number column: null is NaN, "inf" and "-inf" the infinities.</summary>
    public static double[] Doubles(JsonElement column) =>
        [.. column.EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.Null => double.NaN,
            JsonValueKind.String => v.GetString() == "inf" ? double.PositiveInfinity : v.GetString() == "-inf" ? double.NegativeInfinity : throw new FormatException(v.GetString()),
            _ => v.GetDouble(),
        })];

    /// <summary>A coded text column (<c>{"values": [...], "codes": [...]}</c>) as its texts, null for code -1.</summary>
    public static string?[] Coded(JsonElement column)
    {
        var values = column.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray();
        return [.. column.GetProperty("codes").EnumerateArray().Select(c => c.GetInt32() < 0 ? null : values[c.GetInt32()])];
    }

    [GeneratedRegex("<script type=\"application/octet-stream\" id=\"(?<id>[^\"]+)\" data-encoding=\"gzip\\+base64\">(?<base64>[A-Za-z0-9+/=]*)</script>")]
    private static partial Regex DataElement();
}
