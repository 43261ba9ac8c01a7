using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Pipeline.History;

/// <summary>
/// The history's file format (docs/history.md): <c>NNNNNN-&lt;label&gt;.jsonl.gz</c>, numbered in sequence, never by the
/// clock; gzip'd JSON lines, a header and then one line per feature in feature-id order.
/// </summary>
internal static partial class SnapshotFormat
{
    /// <summary>The format this tool writes and the newest it reads; a newer snapshot is skipped with RPT111.</summary>
    public const int Version = 1;

    public const string FormatName = "activation-report-history";

    public const string Extension = ".jsonl.gz";

    /// <summary>Top tokens kept per feature: what a reader recognises a feature by, not its evidence (tokens.csv has that).</summary>
    public const int TokensKept = 5;

    /// <summary>The sequence number of a snapshot's file name; null for any other file (a temporary one, a note).</summary>
    public static int? NumberOf(string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        return match.Success ? int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The file name of snapshot <paramref name="number"/>: its label made safe for any file system, else a piece of its content's hash.</summary>
    public static string FileName(int number, string? label, string contentSha256)
    {
        var name = new StringBuilder();
        foreach (var c in label ?? "")
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
            if (name.Length == 40)
            {
                break;
            }
        }

        var tail = name.Length > 0 && name.ToString().Trim('.').Length > 0 ? name.ToString() : contentSha256[..12];
        return string.Create(CultureInfo.InvariantCulture, $"{number:D6}-{tail}{Extension}");
    }

    [GeneratedRegex(@"^([0-9]{6,9})-[A-Za-z0-9._-]*\.jsonl\.gz$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
