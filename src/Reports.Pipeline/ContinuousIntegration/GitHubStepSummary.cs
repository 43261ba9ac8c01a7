using System.Globalization;
using System.Text;

namespace Reports.Pipeline.ContinuousIntegration;

/// <summary>
/// Appends a summary to the file GitHub Actions names in <c>GITHUB_STEP_SUMMARY</c>. GitHub shows no step summary over
/// 1 MiB (and fails the step's upload), and the file is the whole step's: other steps' and other reports' text already in
/// it counts too. A summary that does not fit is cut at a line and ends with a line saying what was left out and where
/// the whole summary is.
/// </summary>
internal static class GitHubStepSummary
{
    public const string Variable = "GITHUB_STEP_SUMMARY";

    /// <summary>GitHub's limit on a step summary, in bytes.</summary>
    public const int Limit = 1 << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends what fits; null when it did, else the note that says what could not be written.</summary>
    public static string? Append(string stepSummaryPath, string summaryPath, string markdown)
    {
        var existing = new FileInfo(stepSummaryPath) is { Exists: true } file ? file.Length : 0;
        // A blank line first: the summary starts a block of its own after whatever the file holds.
        var text = (existing > 0 ? "\n" : "") + (markdown.EndsWith('\n') ? markdown : markdown + "\n");
        var bytes = Fit(text, Limit - existing, summaryPath);
        if (bytes is null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{Variable}: {stepSummaryPath} already holds {existing:N0} bytes, too many for even a line about this report under GitHub's {Limit:N0}-byte limit; the summary is {summaryPath}");
        }

        using var stream = new FileStream(stepSummaryPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(bytes);
        return null;
    }

    /// <summary>The text as UTF-8 if it fits the budget; else its first lines and the notice; null if not even the notice fits.</summary>
    private static byte[]? Fit(string text, long budget, string summaryPath)
    {
        var whole = Utf8.GetBytes(text);
        if (whole.Length <= budget)
        {
            return whole;
        }

        // Line ends in the bytes: a cut after one keeps every character and every line whole.
        var ends = new List<int>();
        for (var i = 0; i < whole.Length; i++)
        {
            if (whole[i] == (byte)'\n')
            {
                ends.Add(i + 1);
            }
        }

        for (var kept = ends.Count - 1; kept >= 0; kept--)
        {
            var length = kept == 0 ? 0 : ends[kept - 1];
            var notice = Utf8.GetBytes(Notice(ends.Count - kept, summaryPath));
            if (length + notice.Length <= budget)
            {
                return [.. whole.AsSpan(0, length), .. notice];
            }
        }

        return null;
    }

    /// <summary>After a blank line, so a table cut short does not take the notice for one of its rows.</summary>
    private static string Notice(int linesLeftOut, string summaryPath) => string.Create(CultureInfo.InvariantCulture,
        $"\n_… {linesLeftOut:N0} more {(linesLeftOut == 1 ? "line" : "lines")} of this summary were left out (GitHub's 1 MiB limit); the whole summary is {Outputs.MarkdownText.Escape(summaryPath)}._\n");
}
