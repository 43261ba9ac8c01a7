using System.Globalization;

namespace Reports.Pipeline;

/// <summary>The words of a read-progress message: "read 45% of the prompts (203 of 450 MB)".</summary>
public static class ReadProgressText
{
    public static string Of(long bytesRead, long totalBytes) => string.Create(CultureInfo.InvariantCulture,
        $"read {Percent(bytesRead, totalBytes)}% of the prompts ({bytesRead / 1_000_000} of {totalBytes / 1_000_000} MB)");

    public static int Percent(long bytesRead, long totalBytes) => totalBytes <= 0 ? 100 : (int)(100 * Math.Min(bytesRead, totalBytes) / totalBytes);
}
