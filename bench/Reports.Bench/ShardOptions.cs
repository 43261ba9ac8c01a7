using System.Globalization;

namespace Reports.Bench;

/// <summary>The shard bench's command line: <c>shards [--scale N] [--shards N] [--runs N] [--cache DIR]</c>.</summary>
public sealed record ShardOptions(int Scale, int Shards, int Runs, string CacheRoot)
{
    public const string Usage = """
        Reports.Bench shards: a prompts file against its shards. The scale's data set (json.dumps style, multilingual)
        is split into N shards by lines, written plain, gzip'd and as Zstandard; then `reports build --no-render
        --no-input-hashes` reads the file and each set of shards, DuckDB reads the same shards, cat, gzip -dc and zstd -dc
        give the floors (I/O, and decompression on one core), and the map/merge path
        runs: `reports aggregate` per shard, one after another, then `reports build --partials`. Wall time, peak RSS,
        and throughput in MB/s of the files read and of their text.

        Usage: dotnet run -c Release --project bench/Reports.Bench -- shards [--scale N] [--shards N] [--runs N] [--cache DIR]
          --scale N    the data set of the main bench's scale N (1: ~459 MB; default 1)
          --shards N   shards (default 8)
          --runs N     runs of each command; the table shows medians (default 3)
          --cache DIR  where generated data sets and shards are kept (default ~/.cache/reports-bench)

        Writes bench/results/latest-shards.md.
        """;

    public static ShardOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        var options = new ShardOptions(1, 8, 3, BenchOptions.DefaultCacheRoot);
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                return null;
            }

            if (i + 1 >= args.Count || args[i] is not ("--scale" or "--shards" or "--runs" or "--cache"))
            {
                problem = $"unknown option or missing value: '{args[i]}'";
                return null;
            }

            var value = args[++i];
            if (args[i - 1] == "--cache")
            {
                options = options with { CacheRoot = Path.GetFullPath(value) };
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                problem = $"{args[i - 1]} needs a whole number, not '{value}'";
                return null;
            }

            options = args[i - 1] switch
            {
                "--scale" => options with { Scale = number },
                "--shards" => options with { Shards = number },
                _ => options with { Runs = number },
            };
        }

        return options;
    }
}
