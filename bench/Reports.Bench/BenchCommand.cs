using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Reports.Bench;

/// <summary>The benchmark itself: make or reuse the data, warm the page cache, time every contender, check, report.</summary>
public static partial class BenchCommand
{
    public static int Run(string[] args)
    {
        var options = BenchOptions.Parse(args, out var problem);
        if (options is null)
        {
            (problem is null ? Console.Out : Console.Error).WriteLine(problem is null ? BenchOptions.Usage : $"Reports.Bench: {problem}; try --help");
            return problem is null ? 0 : 2;
        }

        var log = Console.Error;
        var workloads = options.Styles
            .Select(style => Workload.Ensure(options.Scale, options.GrowPrompts, style, options.Text, options.CacheRoot, log))
            .ToList();
        var workspace = Directory.CreateTempSubdirectory("reports-bench-");
        try
        {
            var styles = workloads
                .Select((w, i) => StyleRun.Create(w, Path.Combine(workspace.FullName, w.Style), everyContender: i == 0))
                .ToList();
            log.WriteLine("warming the page cache (one untimed cat of each file)");
            foreach (var style in styles)
            {
                TimedProcess.Run(style.Contenders.IoFloor);
            }

            // Rounds interleave the contenders and the styles, so a drift of the machine during the bench touches all alike.
            var results = styles.SelectMany(s => s.Results).ToList();
            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var result in results.Where(r => r.Failure is null))
                {
                    Measure(result, $"run {run}/{options.Runs}", log);
                }
            }

            var checks = Checks(styles);
            var text = ResultsReport.Render(DateTime.UtcNow, MachineInfo.Current(), options, styles, checks.Lines);
            Console.Write(text);

            var path = Path.Combine(RepositoryRoot, "bench", "results", $"latest-{options.ResultsName}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            log.WriteLine($"written to {path}");
            return results.All(r => r.Succeeded) && checks.Agree ? 0 : 1;
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    private static void Measure(ContenderResult result, string run, TextWriter log)
    {
        try
        {
            var m = TimedProcess.Run(result.Contender);
            result.Runs.Add(m);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run} {result.Workload.Style} {result.Contender.Name}: {m.WallSeconds:F2} s, {m.MaxRssKilobytes / 1024.0:N0} MiB"));
        }
        catch (ContenderFailedException e)
        {
            result.Failure = e.Message;
            log.WriteLine($"{run} {result.Workload.Style} {result.Contender.Name}: FAILED, {e.Message}");
        }
    }

    /// <summary>A benchmark that compares different answers is worthless: these lines say whether the answers agree
    /// (and whether the cores gave the parallel scan any extra throughput).</summary>
    private static (List<string> Lines, bool Agree) Checks(IReadOnlyList<StyleRun> styles)
    {
        var lines = new List<string>();
        var agree = true;
        var first = styles[0];
        var (scanOne, scanAll) = (first.ResultOf(first.Contenders.ScanOneCore), first.ResultOf(first.Contenders.ScanAllCores));
        if (scanOne.Succeeded && scanAll.Succeeded)
        {
            var counts = scanOne.Runs.Concat(scanAll.Runs).Select(r => long.Parse(r.Output, CultureInfo.InvariantCulture)).Distinct().ToList();
            agree &= counts.Count == 1;
            lines.Add(counts.Count == 1
                ? string.Create(CultureInfo.InvariantCulture, $"Token scan: {counts[0]:N0} tokens in every run, on 1 core and on {Environment.ProcessorCount}.")
                : $"Token scan: the runs DISAGREE on the token count ({string.Join(", ", counts)}).");

            // Says whether the machine gives parallel throughput at all (vCPUs may share a physical core).
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Token scan speed-up on {Environment.ProcessorCount} cores over 1 core: {scanOne.MedianWallSeconds / scanAll.MedianWallSeconds:F2}x."));
        }

        foreach (var style in styles)
        {
            var prefix = styles.Count > 1 ? $"{style.Workload.Style}: " : "";
            var ours = style.Ours;
            var duckDbRuns = style == first
                ? [(style.Contenders.DuckDb, false), (style.Contenders.DuckDbWithColumns, true)]
                : new[] { (style.Contenders.DuckDbWithColumns, true) };
            foreach (var (contender, explicitColumns) in duckDbRuns)
            {
                var duckDb = style.ResultOf(contender);
                if (duckDb.Succeeded && ours.Succeeded)
                {
                    var agreement = Agreement.Compare(
                        AggregateCsv.Read(Contenders.OursAggregatePath(style.Workspace)),
                        AggregateCsv.Read(Contenders.DuckDbGroupsPath(style.Workspace, explicitColumns)));
                    agree &= agreement.Agrees;
                    lines.Add($"{prefix}{duckDb.Contender.Name}: {agreement.Summary}");
                }
                else
                {
                    lines.Add($"{prefix}{duckDb.Contender.Name}: not compared with ours, a contender failed.");
                }
            }

            if (!ours.Succeeded)
            {
                continue;
            }

            lines.Add(prefix + FallbackLine(ours));
            if (style != first && first.Ours.Succeeded)
            {
                var same = File.ReadAllBytes(Contenders.OursAggregatePath(style.Workspace)).AsSpan()
                               .SequenceEqual(File.ReadAllBytes(Contenders.OursAggregatePath(first.Workspace)))
                           && File.ReadAllBytes(Contenders.OursTokensPath(style.Workspace)).AsSpan()
                               .SequenceEqual(File.ReadAllBytes(Contenders.OursTokensPath(first.Workspace)));
                agree &= same;
                lines.Add(prefix + (same
                    ? $"aggregate.csv and tokens.csv byte-identical to {first.Workload.Style}'s."
                    : $"aggregate.csv or tokens.csv DIFFER from {first.Workload.Style}'s."));
            }
        }

        return (lines, agree);
    }

    /// <summary>How many lines the fast reader declined, as <c>reports build --verbose</c> printed it.</summary>
    private static string FallbackLine(ContenderResult ours)
    {
        var match = GeneratedReaderLine().Match(ours.Runs[^1].Error);
        return match.Success
            ? $"reports build read {match.Groups["records"].Value} records, {match.Groups["fallbacks"].Value} of them by the generated reader (lines the fast reader declined)."
            : "reports build did not say how many lines the fast reader declined.";
    }

    [GeneratedRegex(@"read (?<records>[\d,]+) records of .*?, (?<fallbacks>[\d,]+) of them by the generated reader")]
    private static partial Regex GeneratedReaderLine();

    internal static string RepositoryRoot =>
        typeof(BenchCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("the build did not record the repository root");
}
