using System.Globalization;
using System.Reflection;

namespace Reports.Bench;

/// <summary>The benchmark itself: make or reuse the data, warm the page cache, time every contender, check, report.</summary>
public static class BenchCommand
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
        var workload = Workload.Ensure(options.Scale, options.GrowPrompts, options.CacheRoot, log);
        var workspace = Directory.CreateTempSubdirectory("reports-bench-");
        try
        {
            var contenders = Contenders.For(workload, workspace.FullName);
            var results = contenders.All.Select(c => new ContenderResult(c)).ToList();
            log.WriteLine("warming the page cache (one untimed cat)");
            TimedProcess.Run(contenders.IoFloor);

            // Rounds interleave the contenders, so a drift of the machine during the bench touches all of them alike.
            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var result in results.Where(r => r.Failure is null))
                {
                    Measure(result, $"run {run}/{options.Runs}", log);
                }
            }

            ContenderResult ResultOf(Contender contender) => results.Single(r => r.Contender == contender);
            var ours = ResultOf(contenders.Ours);
            var checks = Checks(ResultOf(contenders.ScanOneCore), ResultOf(contenders.ScanAllCores),
                [(ResultOf(contenders.DuckDb), false), (ResultOf(contenders.DuckDbWithColumns), true)], ours, workspace.FullName);
            var text = ResultsReport.Render(DateTime.UtcNow, MachineInfo.Current(), workload, options.Scale, options.Runs, results, ours, checks.Lines);
            Console.Write(text);

            var path = Path.Combine(RepositoryRoot, "bench", "results", $"latest-{Workload.Name(options.Scale, options.GrowPrompts)}.md");
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
                $"{run} {result.Contender.Name}: {m.WallSeconds:F2} s, {m.MaxRssKilobytes / 1024.0:N0} MiB"));
        }
        catch (ContenderFailedException e)
        {
            result.Failure = e.Message;
            log.WriteLine($"{run} {result.Contender.Name}: FAILED, {e.Message}");
        }
    }

    /// <summary>A benchmark that compares different answers is worthless: these lines say whether the answers agree
    /// (and whether the cores gave the parallel scan any extra throughput).</summary>
    private static (List<string> Lines, bool Agree) Checks(ContenderResult scanOne, ContenderResult scanAll,
        IEnumerable<(ContenderResult Result, bool ExplicitColumns)> duckDbRuns, ContenderResult ours, string workspace)
    {
        var lines = new List<string>();
        var agree = true;
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

        foreach (var (duckDb, explicitColumns) in duckDbRuns)
        {
            if (duckDb.Succeeded && ours.Succeeded)
            {
                var agreement = Agreement.Compare(
                    AggregateCsv.Read(Contenders.OursAggregatePath(workspace)),
                    AggregateCsv.Read(Contenders.DuckDbGroupsPath(workspace, explicitColumns)));
                agree &= agreement.Agrees;
                lines.Add($"{duckDb.Contender.Name}: {agreement.Summary}");
            }
            else
            {
                lines.Add($"{duckDb.Contender.Name}: not compared with ours, a contender failed.");
            }
        }

        return (lines, agree);
    }

    private static string RepositoryRoot =>
        typeof(BenchCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("the build did not record the repository root");
}
