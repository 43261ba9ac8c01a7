using System.Globalization;

namespace Reports.Bench;

/// <summary>The bench's command line: <c>[--runs N] [--scale N] [--cache DIR]</c>.</summary>
public sealed record BenchOptions(int Runs, int Scale, string CacheRoot, bool GrowPrompts = false)
{
    public const string Usage = """
        Reports.Bench: times, on the same generated JSONL, the I/O floor (cat), a Utf8JsonReader token scan
        (1 core, all cores), DuckDB (schema auto-detected, and columns given) and `reports build --no-render`,
        and checks that DuckDB's groups are ours.

        Usage: dotnet run -c Release --project bench/Reports.Bench -- [--runs N] [--scale N] [--grow prompts] [--cache DIR]
          --runs N      runs per contender; the table shows medians (default 5)
          --scale N     data set size: N x 3,600 features, about N x 459 MB of JSONL (default 1)
          --grow prompts
                        scale the prompts per feature instead (3,600 features, N x 150 prompts each)
          --cache DIR   where generated data sets are kept, as DIR/<scale>x/ (default ~/.cache/reports-bench)

        Prints a Markdown table and writes it to bench/results/latest-<scale>x.md.
        """;

    public static string DefaultCacheRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "reports-bench");

    /// <summary>The options, or null with a problem to print; null with no problem means help was asked for.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        var options = new BenchOptions(5, 1, DefaultCacheRoot);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                return null;
            }

            if (args[i] == "--grow" && i + 1 < args.Count && args[i + 1] is "prompts" or "features")
            {
                options = options with { GrowPrompts = args[++i] == "prompts" };
                continue;
            }

            if (args[i] is not ("--runs" or "--scale" or "--cache"))
            {
                problem = $"unknown option '{args[i]}'";
                return null;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"{args[i]} needs a value";
                return null;
            }

            var value = args[++i];
            if (args[i - 1] == "--cache")
            {
                options = options with { CacheRoot = Path.GetFullPath(value) };
            }
            else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                problem = $"{args[i - 1]} needs a whole number of at least 1, not '{value}'";
                return null;
            }
            else
            {
                options = args[i - 1] == "--runs" ? options with { Runs = number } : options with { Scale = number };
            }
        }

        return options;
    }
}
