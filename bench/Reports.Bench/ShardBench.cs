using System.Globalization;
using System.IO.Compression;
using System.Text;
using Reports.DataGen;

namespace Reports.Bench;

/// <summary>
/// Shards against the file they were cut from (issue 23): the same records read as one file, as N plain, gzip and
/// Zstandard shards, by DuckDB, and through partial aggregates (map per shard, then merge), with their peak RSS.
/// </summary>
public static class ShardBench
{
    public static int Run(string[] args)
    {
        var options = ShardOptions.Parse(args, out var problem);
        if (options is null)
        {
            (problem is null ? Console.Out : Console.Error).WriteLine(problem is null ? ShardOptions.Usage : $"Reports.Bench shards: {problem}; try --help");
            return problem is null ? 0 : 2;
        }

        var log = Console.Error;
        var workload = Workload.Ensure(options.Scale, growPrompts: false, WriterStyle.JsonDumps, TextMix.Multilingual, options.CacheRoot, log);
        var sets = ShardSets(workload, options.Shards, log);
        var reports = Path.Combine(AppContext.BaseDirectory, "reports.dll");
        var bench = typeof(ShardBench).Assembly.Location;
        var workspace = Directory.CreateTempSubdirectory("reports-bench-shards-");
        var textBytes = workload.PromptsBytes;
        try
        {
            string[] Build(string output, params string[] inputs) =>
                [reports, "build", "--descriptions", workload.Files.DescriptionsPath, .. inputs, "--out", Path.Combine(workspace.FullName, output), "--no-render", "--no-input-hashes"];
            var partials = Path.Combine(workspace.FullName, "partials");
            var map = string.Join(" && ", sets["zst"].Select((shard, i) => $"dotnet '{reports}' aggregate --no-input-hashes --prompts '{shard}' --out '{partials}/{i:D5}.partial.jsonl.gz' > /dev/null"));
            string Files(string kind) => string.Join(' ', sets[kind].Select(f => $"'{f}'"));
            var contenders = new (Contender Contender, long ReadBytes)[]
            {
                // Floors: what reading and decompressing the shards costs on one core, computing nothing.
                (new Contender($"cat, {options.Shards} shards (I/O floor)", "/bin/sh", ["-c", $"cat {Files("plain")} > /dev/null"]), textBytes),
                (new Contender($"gzip -dc, {options.Shards} gzip shards (1 core, decompression floor)", "/bin/sh", ["-c", $"gzip -dc {Files("gz")} > /dev/null"]), Bytes(sets["gz"])),
                (new Contender($"zstd -dc, {options.Shards} Zstandard shards (1 core, decompression floor)", "/bin/sh", ["-c", $"zstd -qdc {Files("zst")} > /dev/null"]), Bytes(sets["zst"])),
                (new Contender("reports build, one file", "dotnet", Build("one", "--prompts", workload.Files.PromptsPath)), textBytes),
                (new Contender($"reports build, {options.Shards} shards", "dotnet", Build("plain", "--prompts", Glob(sets["plain"]))), textBytes),
                (new Contender($"reports build, {options.Shards} gzip shards", "dotnet", Build("gz", "--prompts", Glob(sets["gz"]))), Bytes(sets["gz"])),
                (new Contender($"reports build, {options.Shards} Zstandard shards", "dotnet", Build("zst", "--prompts", Glob(sets["zst"]))), Bytes(sets["zst"])),
                (new Contender($"DuckDB read_json with columns + GROUP BY, {options.Shards} gzip shards", "dotnet", [bench, "duckdb", Glob(sets["gz"]), "--groups", Path.Combine(workspace.FullName, "duckdb-gz.csv"), "--columns"]), Bytes(sets["gz"])),
                (new Contender($"map: reports aggregate per Zstandard shard, one after another", "/bin/sh", ["-c", $"mkdir -p '{partials}' && {map}"]), Bytes(sets["zst"])),
                (new Contender("merge: reports build --partials", "dotnet", Build("merged", "--partials", Path.Combine(partials, "*.partial.jsonl.gz"))), 0),
            };
            log.WriteLine("warming the page cache (one untimed cat)");
            TimedProcess.Run(new Contender("cat", "/bin/sh", ["-c", $"cat '{workload.Files.PromptsPath}' {string.Join(' ', sets.Values.SelectMany(s => s).Select(s => $"'{s}'"))} > /dev/null"]));
            var results = contenders.Select(c => (Result: new ContenderResult(c.Contender, workload), c.ReadBytes)).ToArray();
            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var (result, _) in results.Where(r => r.Result.Failure is null))
                {
                    try
                    {
                        var m = TimedProcess.Run(result.Contender);
                        result.Runs.Add(m);
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: {result.Contender.Name} {m.WallSeconds:F2} s, {m.MaxRssKilobytes / 1024.0:N0} MiB"));
                    }
                    catch (ContenderFailedException e)
                    {
                        result.Failure = e.Message;
                        log.WriteLine($"{result.Contender.Name} FAILED, {e.Message}");
                    }
                }
            }

            var partialBytes = Directory.Exists(partials) ? Directory.GetFiles(partials).Sum(f => new FileInfo(f).Length) : 0;
            var same = Same(workspace.FullName, "plain", "gz") && Same(workspace.FullName, "plain", "zst") && Same(workspace.FullName, "plain", "merged");
            var text = new StringBuilder();
            text.AppendLine("# Shards: a prompts file against its shards, compressed, and merged from partial aggregates");
            text.AppendLine();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {MachineInfo.Current()}. `dotnet run -c Release --project bench/Reports.Bench -- shards --scale {options.Scale} --shards {options.Shards} --runs {options.Runs}`."));
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Data: {workload.Description}; {textBytes / 1e6:N0} MB of text, cut into {options.Shards} shards by lines: plain, gzip ({Bytes(sets["gz"]) / 1e6:N0} MB, .NET's Optimal level) and Zstandard ({Bytes(sets["zst"]) / 1e6:N0} MB, level 3). Every `reports build` is `--no-render --no-input-hashes` (the data files, no second read for hashes). Medians of {options.Runs} run(s); RSS is the largest. The map runs `reports aggregate` once per shard, one after another (a cluster runs them at once, one per machine); its partials are {partialBytes / 1e6:N0} MB in all."));
            text.AppendLine();
            text.AppendLine("| contender | wall | peak RSS | files read | text |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (result, readBytes) in results)
            {
                text.AppendLine(result.Succeeded
                    ? string.Create(CultureInfo.InvariantCulture, $"| {result.Contender.Name} | {result.MedianWallSeconds:F2} s | {result.Runs.Max(r => r.MaxRssKilobytes) / 1024.0:N0} MiB | {(readBytes > 0 ? $"{readBytes / 1e6 / result.MedianWallSeconds:N0} MB/s" : $"{partialBytes / 1e6:N0} MB of partials")} | {(readBytes > 0 ? $"{textBytes / 1e6 / result.MedianWallSeconds:N0} MB/s" : "")} |")
                    : $"| {result.Contender.Name} | failed: {result.Failure} | | | |");
            }

            text.AppendLine();
            text.AppendLine(same
                ? "aggregate.csv and tokens.csv of the plain, gzip and Zstandard shards and of the merge are byte-identical."
                : "**aggregate.csv or tokens.csv differ between the shard runs or the merge.**");
            Console.Write(text);
            File.WriteAllText(Path.Combine(BenchCommand.RepositoryRoot, "bench", "results", "latest-shards.md"), text.ToString());
            return same && results.All(r => r.Result.Succeeded) ? 0 : 1;
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    private static string Glob(IReadOnlyList<string> shards) => Path.Combine(Path.GetDirectoryName(shards[0])!, "*");

    private static long Bytes(IEnumerable<string> files) => files.Sum(f => new FileInfo(f).Length);

    private static bool Same(string workspace, string a, string b) =>
        new[] { "aggregate.csv", "tokens.csv" }.All(f => File.Exists(Path.Combine(workspace, a, f)) && File.Exists(Path.Combine(workspace, b, f))
            && File.ReadAllBytes(Path.Combine(workspace, a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(workspace, b, f))));

    /// <summary>The shards of the workload's prompts file (cached beside it): plain, gzip and Zstandard, each in a folder of its own.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ShardSets(Workload workload, int count, TextWriter log)
    {
        var root = Path.Combine(Path.GetDirectoryName(workload.Files.PromptsPath)!, $"shards-{count}");
        var kinds = new[] { "plain", "gz", "zst" };
        string Name(int shard, string kind) => Path.Combine(root, kind, $"prompts-{shard:D5}-of-{count:D5}.jsonl" + (kind == "plain" ? "" : "." + kind));
        var sets = kinds.ToDictionary(k => k, k => (IReadOnlyList<string>)[.. Enumerable.Range(0, count).Select(s => Name(s, k))]);
        var stamp = Path.Combine(root, "done");
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) > File.GetLastWriteTimeUtc(workload.Files.PromptsPath))
        {
            return sets;
        }

        log.WriteLine($"cutting {workload.Files.PromptsPath} into {count} shards (once; cached) ...");
        foreach (var kind in kinds)
        {
            Directory.CreateDirectory(Path.Combine(root, kind));
        }

        var lines = File.ReadLines(workload.Files.PromptsPath).Count();
        var per = (lines + count - 1) / count;
        using var reader = new StreamReader(workload.Files.PromptsPath);
        for (var shard = 0; shard < count; shard++)
        {
            using var plain = File.Create(Name(shard, "plain"));
            using var gzip = new GZipStream(File.Create(Name(shard, "gz")), CompressionLevel.Optimal);
            using var zstd = new ZstdSharp.CompressionStream(File.Create(Name(shard, "zst")), 3, leaveOpen: false);
            for (var i = 0; i < per && reader.ReadLine() is { } line; i++)
            {
                var bytes = Encoding.UTF8.GetBytes(line + "\n");
                plain.Write(bytes);
                gzip.Write(bytes);
                zstd.Write(bytes);
            }
        }

        File.WriteAllText(stamp, "");
        return sets;
    }
}
