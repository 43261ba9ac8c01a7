using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Pipeline;

/// <summary>Sizes as options spell them: bytes ("65536") or binary units ("64M", "64MiB", "64MB", "1G": K, M and G are powers of 1024, as for memory).</summary>
public static partial class ByteSize
{
    public const string Spelling = "a size in bytes, or with K, M or G (KiB, MiB, GiB), e.g. 64M";

    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        var shift = match.Groups[2].Value.Length == 0 ? 0 : char.ToUpperInvariant(match.Groups[2].Value[0]) switch
        {
            'K' => 10,
            'M' => 20,
            _ => 30,
        };
        if (count > long.MaxValue >> shift)
        {
            return false;
        }

        bytes = count << shift;
        return true;
    }

    [GeneratedRegex(@"^([0-9]+) ?([KMG](?:i?B)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
