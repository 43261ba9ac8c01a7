using System.Globalization;
using System.Text;
using Reports.DataGen;

namespace Reports.Bench;

/// <summary>The Markdown the bench prints and writes to bench/results/: what was measured on what, the tables, the checks.</summary>
public static class ResultsReport
{
    public static string Render(DateTime utc, MachineInfo machine, BenchOptions options, IReadOnlyList<StyleRun> styles, IEnumerable<string> checks)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var manyStyles = styles.Count > 1;

        Line($"# Reports.Bench, {options.ResultsName} ({styles[0].Workload.DataDescription})");
        Line($"");
        Line($"- date: {utc:yyyy-MM-dd HH:mm} UTC");
        Line($"- machine: {machine}");
        foreach (var style in styles)
        {
            var w = style.Workload;
            Line($"- file{(manyStyles ? $" ({w.Style})" : "")}: {Path.GetFileName(w.Files.PromptsPath)}, {w.PromptsBytes / 1e6:N1} MB, written as `{WriterStyles.Writer(w.Options.Style)}`");
        }

        Line($"- runs: {options.Runs} per contender, page cache warm; wall time and peak RSS are medians over the runs (1 MB = 10^6 bytes)");
        Line($"");
        if (manyStyles)
        {
            RenderStyles(Line, styles);
        }

        Line($"| {(manyStyles ? "style | " : "")}contender | median wall s | MB/s | peak RSS MB | vs ours |");
        Line($"| {(manyStyles ? "--- | " : "")}--- | ---: | ---: | ---: | ---: |");
        foreach (var style in styles)
        {
            var ours = style.Ours;
            var bytes = style.Workload.PromptsBytes;
            foreach (var r in style.Results)
            {
                var styleCell = manyStyles ? $"{style.Workload.Style} | " : "";
                if (!r.Succeeded)
                {
                    Line($"| {styleCell}{r.Contender.Name} | failed: {r.Failure?.Replace("|", "\\|", StringComparison.Ordinal)} | | | |");
                    continue;
                }

                var wall = r.MedianWallSeconds;
                var vsOurs = ours.Succeeded ? Ratio(wall / ours.MedianWallSeconds) : "n/a";
                Line($"| {styleCell}{r.Contender.Name} | {wall:F2} | {bytes / 1e6 / wall:N0} | {r.MedianMaxRssKilobytes * 1024 / 1e6:N0} | {vsOurs} |");
            }
        }

        Line($"");
        foreach (var check in checks)
        {
            Line($"{check}");
        }

        return text.ToString();
    }

    /// <summary>The summary of a run over several styles: per style, the command against DuckDB and against the first style.</summary>
    private static void RenderStyles(Action<FormattableString> line, IReadOnlyList<StyleRun> styles)
    {
        var first = styles[0].Ours;
        line($"| style | JSONL MB | `reports build --no-render` s | DuckDB with columns s | DuckDB / ours | ours / ours on {styles[0].Workload.Style} | ours peak RSS MB |");
        line($"| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var style in styles)
        {
            var ours = style.Ours;
            var duckDb = style.ResultOf(style.Contenders.DuckDbWithColumns);
            string Seconds(ContenderResult r) => r.Succeeded ? r.MedianWallSeconds.ToString("F2", CultureInfo.InvariantCulture) : "failed";
            var versusDuckDb = ours.Succeeded && duckDb.Succeeded ? Ratio(duckDb.MedianWallSeconds / ours.MedianWallSeconds) : "n/a";
            var versusFirst = ours.Succeeded && first.Succeeded ? Ratio(ours.MedianWallSeconds / first.MedianWallSeconds) : "n/a";
            var rss = ours.Succeeded ? (ours.MedianMaxRssKilobytes * 1024 / 1e6).ToString("N0", CultureInfo.InvariantCulture) : "n/a";
            line($"| {style.Workload.Style} | {style.Workload.PromptsBytes / 1e6:N1} | {Seconds(ours)} | {Seconds(duckDb)} | {versusDuckDb} | {versusFirst} | {rss} |");
        }

        line($"");
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
