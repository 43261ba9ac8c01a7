using System.Globalization;

namespace Reports.Bench;

/// <summary>The width bench's command line: <c>widths [--features N,...] [--prompts N] [--runs N] [--cache DIR]</c>.</summary>
public sealed record WidthOptions(IReadOnlyList<int> Features, int PromptsPerFeature, int Runs, string CacheRoot)
{
    public const string Usage = """
        Reports.Bench widths: the whole report at real SAE widths. For each width, a data set written as
        json.dumps writes it (multilingual text), then `reports build --no-render` and `reports build` (every
        output) timed with their peak RSS, the outputs measured (PDF pages and bytes, HTML bytes, heatmap.png
        size, summary.json and features.csv bytes) and the time headless Chromium takes to open report.html
        and screenshot it.

        Usage: dotnet run -c Release --project bench/Reports.Bench -- widths [--features N,...] [--prompts N]
                                                                            [--runs N] [--cache DIR]
          --features N,...  widths in features (default 65536; Gemma Scope ships 16384 to 1048576)
          --prompts N       active prompts per feature (default 20)
          --runs N          runs of each command; the table shows medians (default 1)
          --cache DIR       where generated data sets are kept (default ~/.cache/reports-bench)

        Writes bench/results/latest-widths.md and the screenshots beside it.
        """;

    public static WidthOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        var options = new WidthOptions([65_536], 20, 1, BenchOptions.DefaultCacheRoot);
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                return null;
            }

            if (i + 1 >= args.Count || args[i] is not ("--features" or "--prompts" or "--runs" or "--cache"))
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

            var numbers = value.Split(',').Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1).ToArray();
            if (numbers.Any(n => n < 0) || (args[i - 1] != "--features" && numbers.Length != 1))
            {
                problem = $"{args[i - 1]} needs {(args[i - 1] == "--features" ? "whole numbers separated by commas" : "a whole number")}, not '{value}'";
                return null;
            }

            options = args[i - 1] switch
            {
                "--features" => options with { Features = numbers },
                "--prompts" => options with { PromptsPerFeature = numbers[0] },
                _ => options with { Runs = numbers[0] },
            };
        }

        return options;
    }
}
