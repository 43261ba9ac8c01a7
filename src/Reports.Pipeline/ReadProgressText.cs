using System.Globalization;

namespace Reports.Pipeline;

/// <summary>The words of a read-progress message: "read 45% of the prompts (203 of 450 MB)", in KB below 10 MB.</summary>
public static class ReadProgressText
{
    public static string Of(long bytesRead, long totalBytes)
    {
        // "0 of 0 MB" says nothing about a 140 KB file.
        var (unit, divisor) = totalBytes < 10_000_000 ? ("KB", 1_000L) : ("MB", 1_000_000L);
        return string.Create(CultureInfo.InvariantCulture,
            $"read {Percent(bytesRead, totalBytes)}% of the prompts ({Math.Min(bytesRead, totalBytes) / divisor:N0} of {totalBytes / divisor:N0} {unit})");
    }

    public static int Percent(long bytesRead, long totalBytes) => totalBytes <= 0 ? 100 : (int)(100 * Math.Min(bytesRead, totalBytes) / totalBytes);
}
