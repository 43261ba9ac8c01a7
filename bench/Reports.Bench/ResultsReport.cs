using System.Globalization;
using System.Text;

namespace Reports.Bench;

/// <summary>The Markdown the bench prints and writes to bench/results/: what was measured on what, the table, the checks.</summary>
public static class ResultsReport
{
    public static string Render(DateTime utc, MachineInfo machine, Workload workload, int scale, int runs,
        IReadOnlyList<ContenderResult> results, ContenderResult ours, IEnumerable<string> checks)
    {
        var bytes = workload.PromptsBytes;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# Reports.Bench, scale {scale}x ({workload.Description})");
        Line($"");
        Line($"- date: {utc:yyyy-MM-dd HH:mm} UTC");
        Line($"- machine: {machine}");
        Line($"- file: {Path.GetFileName(workload.Files.PromptsPath)}, {bytes / 1e6:N1} MB ({workload.Description})");
        Line($"- runs: {runs} per contender, page cache warm; wall time and peak RSS are medians over the runs (1 MB = 10^6 bytes)");
        Line($"");
        Line($"| contender | median wall s | MB/s | peak RSS MB | vs ours |");
        Line($"| --- | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            if (!r.Succeeded)
            {
                Line($"| {r.Contender.Name} | failed: {r.Failure?.Replace("|", "\\|", StringComparison.Ordinal)} | | | |");
                continue;
            }

            var wall = r.MedianWallSeconds;
            var vsOurs = ours.Succeeded ? Ratio(wall / ours.MedianWallSeconds) : "n/a";
            Line($"| {r.Contender.Name} | {wall:F2} | {bytes / 1e6 / wall:N0} | {r.MedianMaxRssKilobytes * 1024 / 1e6:N0} | {vsOurs} |");
        }

        Line($"");
        foreach (var check in checks)
        {
            Line($"{check}");
        }

        return text.ToString();
    }

    /// <summary>Two significant digits, never in exponent form: 0.0017x, 0.41x, 1.0x, 41x.</summary>
    private static string Ratio(double ratio)
    {
        if (!double.IsFinite(ratio) || ratio <= 0)
        {
            return "n/a";
        }

        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(ratio)), 0, 6);
        return Math.Round(ratio, decimals).ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture) + "x";
    }
}
