using System.Globalization;
using Reports.DataGen;

namespace Reports.Bench;

/// <summary>The bench's command line: <c>[--runs N] [--scale N] [--grow prompts] [--styles S,...|all] [--text T] [--cache DIR]</c>.</summary>
public sealed record BenchOptions(int Runs, int Scale, string CacheRoot, bool GrowPrompts = false)
{
    public const string Usage = """
        Reports.Bench: times, on the same generated JSONL, the I/O floor (cat), a Utf8JsonReader token scan
        (1 core, all cores), DuckDB (schema auto-detected, and columns given) and `reports build --no-render`,
        and checks that DuckDB's groups are ours. With more than one writer style, the same data is written in
        each, and DuckDB with columns and `reports build --no-render` run on every one in the same rounds.

        Usage: dotnet run -c Release --project bench/Reports.Bench -- [--runs N] [--scale N] [--grow prompts]
                                                                     [--styles S,...|all] [--text T] [--cache DIR]
          --runs N      runs per contender; the table shows medians (default 5)
          --scale N     data set size: N x 3,600 features, about N x 459 MB of JSONL (default 1)
          --grow prompts
                        scale the prompts per feature instead (3,600 features, N x 150 prompts each)
          --styles S,...|all
                        how the JSONL is written, as Python writers write it: compact, json-dumps,
                        json-dumps-unicode, pandas, or all of them (default compact); every contender runs on
                        the first, DuckDB with columns and ours on the others
          --text T      latin (default) or multilingual (code with escapes, CJK, RTL, Indic, Thai, emoji tokens)
          --cache DIR   where generated data sets are kept, as DIR/<name>/ (default ~/.cache/reports-bench)

        Prints a Markdown table and writes it to bench/results/latest-<name>.md, where <name> is the scale
        ("1x"), then "-prompts" when prompts grow, "-styles" for more than one style and "-multilingual".
        """;

    /// <summary>The writer styles, in the order given; every contender runs on the first.</summary>
    public IReadOnlyList<WriterStyle> Styles { get; init; } = [WriterStyle.Compact];

    public TextMix Text { get; init; } = TextMix.Latin;

    /// <summary>The results file's name, without "latest-" and ".md": what varies between runs of the bench.</summary>
    public string ResultsName =>
        Workload.Name(Scale, GrowPrompts)
        + (Styles.Count > 1 ? "-styles" : Styles[0] == WriterStyle.Compact ? "" : "-" + WriterStyles.Name(Styles[0]))
        + (Text == TextMix.Latin ? "" : "-" + TextMixes.Name(Text));

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

            if (args[i] is not ("--runs" or "--scale" or "--cache" or "--styles" or "--text"))
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
            try
            {
                options = args[i - 1] switch
                {
                    "--cache" => options with { CacheRoot = Path.GetFullPath(value) },
                    "--styles" => options with { Styles = ParseStyles(value) },
                    "--text" => options with { Text = TextMixes.Parse(value) },
                    "--runs" => options with { Runs = WholeNumber("--runs", value) },
                    _ => options with { Scale = WholeNumber("--scale", value) },
                };
            }
            catch (ArgumentException e)
            {
                problem = e.Message;
                return null;
            }
        }

        return options;
    }

    private static IReadOnlyList<WriterStyle> ParseStyles(string value) => value == "all"
        ? WriterStyles.All
        : value.Split(',').Select(WriterStyles.Parse).Distinct().ToList();

    private static int WholeNumber(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw new ArgumentException($"{option} needs a whole number of at least 1, not '{value}'");
}
