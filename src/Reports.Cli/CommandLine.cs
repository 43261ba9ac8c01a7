using Reports.Pipeline;
using Reports.Pipeline.ContinuousIntegration;
using Reports.Pipeline.Outputs;

namespace Reports.Cli;

/// <summary>The <c>reports</c> command: parses arguments and runs the report pipeline.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private const string Usage = """
        reports: build activation reports from SAE feature data (the pipeline `dotnet build` runs).

        Usage:
          reports build --descriptions <csv> --prompts <jsonl> --out <dir> [options]
          reports build --descriptions <csv> --partials <file>... --out <dir> [options]
          reports aggregate --prompts <jsonl>... --out <file> [--top-prompts <k>] [--max-line-length <size>]
                                    [--no-input-hashes] [--verbose]
                                    the partial aggregate of prompts files (the map step of a distributed run:
                                    docs/distributed.md), merged by `build --partials`
          reports build @<file>     the arguments read from a file, one per line (as the MSBuild targets pass them)
          reports --help
          reports --version

        Options of `build`:
          --descriptions <path>   feature descriptions CSV (feature_id, statistics, texts, link, ...)
          --prompts <path>        active prompts JSONL (one feature per line with its active_prompts); repeat it
                                  for shards, or give a quoted glob ("data/shards/*.jsonl.zst", ** for any depth);
                                  .gz and .zst files are decompressed as they are read; files are read in sorted
                                  order, as one
          --partials <file>       instead of --prompts: partial aggregates written by `reports aggregate` (repeat
                                  it, or give a quoted glob); the prompts files need not be here
          --out <dir>             output directory (created if missing)
          --name <name>           report name (default: the output directory's name)
          --title <text>          report title (default: the name given with --name, else "Activation report:"
                                  and the descriptions file's name)
          --no-render             write only the data files: aggregate.csv, summary.json, summary.md, features.csv,
                                  tokens.csv
          --no-input-hashes       do not compute the inputs' SHA-256 (summary.json and the cover say so);
                                  it is a second read of each file at about 1 GB/s
          --feature-pages <which> features with a page of their own: a number N (the top N by
                                  --feature-pages-by; default 50), all, none, or feature ids separated by ',' or ';'
                                  (one id alone is written with a separator: "575;")
          --feature-pages-by <column>
                                  descriptions column that ranks features for a number N
                                  (default: personal_cohens_d)
          --top-prompts <k>       strongest prompts shown per feature page (default: 5)
          --heatmap-order <order> id (the notebook's order), clustered (similar profiles together) or category
                                  (grouped by the category each feature is most specific to); default: id when
                                  every feature is drawn, category for a selection
          --heatmap-features <n>  how many features the PDF's and PNG's heatmap and table show: every feature up
                                  to n (default 200), else n chosen category by category; all for every feature
          --include-features <ids>
                                  feature ids always in the heatmap and table, separated by ',' or ';'
          --max-line-length <size>
                                  the longest line (or CSV record) accepted in either input, e.g. 64M (default),
                                  65536 or 1G (at most); a longer one is error RPT020
          --history <dir>         keep a history there: each build adds a snapshot (unless the data is the same as the
                                  newest's) and the report shows what changed since the previous build
          --history-label <text>  the build's label in its snapshot, e.g. the commit (default: none)
          --history-max <n>       snapshots kept and read, the newest (default 50)
          --fail-on <rules>       fail when the changes break a rule, e.g. "removed>0;profile-shift>2.0"
                                  (removed, added, profile-shift, category-changed, description-changed,
                                  new-warnings; > or >=): RPT060-RPT065 naming the features; needs --history
          --fail-on-mode <mode>   error (default) or warn: a broken rule as a warning
          --verbose               print progress on standard error
          -h, --help              show this help

        Errors and warnings are printed as `file(line,col): error RPTnnn: message`.
        Exit codes: 0 success, 1 the inputs have errors, 2 wrong usage.
        SOURCE_DATE_EPOCH, when set, is the date stamped into documents (never the clock).
        On a build server summary.md goes to its job page: appended to GITHUB_STEP_SUMMARY, uploaded with
        ##vso[task.uploadsummary] when TF_BUILD is set, the totals as ##teamcity[buildStatisticValue] when
        TEAMCITY_VERSION is set (the service messages on standard output, after the written files).
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Run(args, output, error, Environment.GetEnvironmentVariable);

    /// <summary>Runs the command with the environment read through <paramref name="environment"/>: which build server, if any, gets the report's summary.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        if (args[0] is "--version" or "version")
        {
            output.WriteLine("reports " + Version);
            return Success;
        }

        if (args[0] == "aggregate")
        {
            return RunAggregate(args.AsSpan(1), output, error);
        }

        if (args[0] != "build")
        {
            error.WriteLine($"reports: unknown command '{args[0]}'; try `reports --help`");
            return UsageError;
        }

        if (!TryExpandResponseFiles(args.AsSpan(1), out var buildArgs, out var unreadable))
        {
            error.WriteLine($"reports build: {unreadable}");
            return UsageError;
        }

        if (!TryParseBuild(buildArgs, out var options, out var problem))
        {
            if (problem is null)
            {
                output.WriteLine(Usage);
                return Success;
            }

            error.WriteLine($"reports build: {problem}; try `reports --help`");
            return UsageError;
        }

        // The real standard error only: a test's writer or a redirected stream gets no bar.
        var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var log = new ConsoleReportLog(error, options.Verbose, terminal);
        var outcome = ReportPipeline.Run(options.Request, log);
        if (outcome.Succeeded)
        {
            foreach (var file in outcome.WrittenFiles)
            {
                output.WriteLine(file);
            }

            PublishJobSummary(options.Request, outcome, output, error, environment);
        }

        return outcome.Succeeded && log.ErrorCount == 0 ? Success : Failure;
    }

    /// <summary><c>reports aggregate</c>: the partial aggregate of prompts files, for <c>reports build --partials</c>.</summary>
    private static int RunAggregate(ReadOnlySpan<string> rawArgs, TextWriter output, TextWriter error)
    {
        if (!TryExpandResponseFiles(rawArgs, out var args, out var unreadable))
        {
            error.WriteLine($"reports aggregate: {unreadable}");
            return UsageError;
        }

        var prompts = new List<string>();
        string? outPath = null, topPrompts = null, maxLineLength = null;
        bool hashInputs = true, verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return Success;
                case "--no-input-hashes":
                    hashInputs = false;
                    continue;
                case "--verbose":
                    verbose = true;
                    continue;
                case "--prompts" or "--out" or "--top-prompts" or "--max-line-length" when i + 1 < args.Length:
                    var value = args[++i];
                    _ = args[i - 1] switch
                    {
                        "--prompts" => Added(prompts, value),
                        "--out" => outPath = value,
                        "--top-prompts" => topPrompts = value,
                        _ => maxLineLength = value,
                    };
                    continue;
                default:
                    error.WriteLine($"reports aggregate: {(args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 == args.Length ? args[i] + " needs a value" : $"unknown option '{args[i]}'")}; try `reports --help`");
                    return UsageError;
            }
        }

        var topPromptCount = 5;
        var lineLimit = (long)Reports.Schema.ReaderLimits.DefaultMaxLineLength;
        var problem = prompts.Count == 0 ? "--prompts is required"
            : outPath is null ? "--out is required"
            : topPrompts is not null && !int.TryParse(topPrompts, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out topPromptCount) ? $"--top-prompts needs a whole number, not '{topPrompts}'"
            : maxLineLength is not null && (!ByteSize.TryParse(maxLineLength, out lineLimit) || lineLimit is < 1 or > Reports.Schema.ReaderLimits.LargestMaxLineLength) ? $"--max-line-length needs {ByteSize.Spelling}, from 1 byte to 1G, not '{maxLineLength}'"
            : null;
        if (problem is not null)
        {
            error.WriteLine($"reports aggregate: {problem}; try `reports --help`");
            return UsageError;
        }

        var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var log = new ConsoleReportLog(error, verbose, terminal);
        var request = new PartialAggregateRequest
        {
            Prompts = prompts,
            OutputPath = outPath!,
            TopPrompts = topPromptCount,
            HashInputs = hashInputs,
            MaxLineLength = (int)lineLimit,
            ToolVersion = Version,
        };
        if (!PartialAggregateRun.Run(request, log) || log.ErrorCount > 0)
        {
            return Failure;
        }

        output.WriteLine(Path.GetFullPath(outPath!));
        return Success;
    }

    /// <summary>
    /// The build server's share of a written report: its service messages on standard output, where the server's agent
    /// reads them (the written files' paths stay the lines that are rooted paths), and what could not be done on
    /// standard error.
    /// </summary>
    private static void PublishJobSummary(ReportRequest request, ReportOutcome outcome, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var summaryPath = outcome.WrittenFiles.FirstOrDefault(f => Path.GetFileName(f) == SummaryMarkdownOutput.Name);
        if (summaryPath is null || outcome.Analysis is null)
        {
            return;
        }

        var publication = JobSummaries.Publish(request.Name, summaryPath, File.ReadAllText(summaryPath), outcome.Analysis, environment);
        foreach (var message in publication.ServiceMessages)
        {
            output.WriteLine(message);
        }

        foreach (var note in publication.Notes)
        {
            error.WriteLine("reports build: " + note);
        }
    }

    /// <summary>The informational version the build stamps (without the source revision).</summary>
    public static string Version =>
        (typeof(CommandLine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private sealed record BuildOptions(ReportRequest Request, bool Verbose);

    /// <summary>
    /// Replaces each <c>@file</c> with the file's lines, one argument per line taken as written (blank lines skipped):
    /// unlike a command line, a value needs no quoting, whatever quotes, semicolons or spaces it holds.
    /// </summary>
    private static bool TryExpandResponseFiles(ReadOnlySpan<string> args, out string[] expanded, out string? problem)
    {
        var result = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg.Length < 2 || arg[0] != '@')
            {
                result.Add(arg);
                continue;
            }

            try
            {
                result.AddRange(File.ReadAllLines(arg[1..]).Where(line => line.Length > 0));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                expanded = [];
                problem = $"cannot read the response file '{arg[1..]}': {exception.Message}";
                return false;
            }
        }

        expanded = [.. result];
        problem = null;
        return true;
    }

    /// <summary>Adds a list option's value: one path or pattern, or several separated by ';' (as an MSBuild item's metadata holds them).</summary>
    private static string Added(List<string> values, string value)
    {
        values.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return value;
    }

    /// <summary>False with a null problem means help was asked for.</summary>
    private static bool TryParseBuild(ReadOnlySpan<string> args, out BuildOptions options, out string? problem)
    {
        options = null!;
        problem = null;
        string? descriptions = null, outDir = null, name = null, title = null;
        var prompts = new List<string>();
        var partials = new List<string>();
        string? featurePages = null, featurePagesBy = null, topPrompts = null, heatmapOrder = null, maxLineLength = null, heatmapFeatures = null, includeFeatures = null;
        string? history = null, historyLabel = null, historyMax = null, failOn = null, failOnMode = null;
        bool render = true, hashInputs = true, verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return false;
                case "--no-render":
                    render = false;
                    continue;
                case "--no-input-hashes":
                    hashInputs = false;
                    continue;
                case "--verbose":
                    verbose = true;
                    continue;
                case "--descriptions" or "--prompts" or "--partials" or "--out" or "--name" or "--title"
                    or "--feature-pages" or "--feature-pages-by" or "--top-prompts" or "--heatmap-order" or "--max-line-length" or "--heatmap-features" or "--include-features"
                    or "--history" or "--history-label" or "--history-max" or "--fail-on" or "--fail-on-mode":
                    if (i + 1 >= args.Length)
                    {
                        problem = $"{arg} needs a value";
                        return false;
                    }

                    var value = args[++i];
                    _ = arg switch
                    {
                        "--descriptions" => descriptions = value,
                        "--prompts" => Added(prompts, value),
                        "--partials" => Added(partials, value),
                        "--out" => outDir = value,
                        "--name" => name = value,
                        "--title" => title = value,
                        "--feature-pages" => featurePages = value,
                        "--feature-pages-by" => featurePagesBy = value,
                        "--top-prompts" => topPrompts = value,
                        "--max-line-length" => maxLineLength = value,
                        "--heatmap-features" => heatmapFeatures = value,
                        "--include-features" => includeFeatures = value,
                        "--history" => history = value,
                        "--history-label" => historyLabel = value,
                        "--history-max" => historyMax = value,
                        "--fail-on" => failOn = value,
                        "--fail-on-mode" => failOnMode = value,
                        _ => heatmapOrder = value,
                    };
                    continue;
                default:
                    problem = $"unknown option '{arg}'";
                    return false;
            }
        }

        problem = descriptions is null ? "--descriptions is required"
            : prompts.Count == 0 && partials.Count == 0 ? "--prompts (or --partials) is required"
            : prompts.Count > 0 && partials.Count > 0 ? "--prompts and --partials exclude each other: give the prompts files, or the partial aggregates written from them"
            : outDir is null ? "--out is required"
            : null;
        if (problem is not null)
        {
            return false;
        }

        var topPromptCount = 5;
        if (topPrompts is not null && !int.TryParse(topPrompts, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out topPromptCount))
        {
            problem = $"--top-prompts needs a whole number, not '{topPrompts}'";
            return false;
        }

        var lineLimit = (long)Reports.Schema.ReaderLimits.DefaultMaxLineLength;
        if (maxLineLength is not null && (!ByteSize.TryParse(maxLineLength, out lineLimit) || lineLimit is < 1 or > Reports.Schema.ReaderLimits.LargestMaxLineLength))
        {
            problem = $"--max-line-length needs {ByteSize.Spelling}, from 1 byte to 1G, not '{maxLineLength}'";
            return false;
        }

        var historyCount = ReportRequest.DefaultHistoryMax;
        if (historyMax is not null && (!int.TryParse(historyMax, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out historyCount) || historyCount < 1))
        {
            problem = $"--history-max needs a whole number of snapshots, 1 or more, not '{historyMax}'";
            return false;
        }

        var request = new ReportRequest
        {
            Name = name ?? new DirectoryInfo(Path.GetFullPath(outDir!)).Name,
            DescriptionsPath = descriptions!,
            Prompts = prompts,
            Partials = partials,
            OutputDirectory = outDir!,
            // A folder's name ("out") is no title: without --name or --title the report says what it is and what it read.
            Title = title ?? (name is null ? "Activation report: " + Path.GetFileNameWithoutExtension(descriptions) : null),
            Render = render,
            HashInputs = hashInputs,
            FeaturePages = featurePages ?? ReportRequest.DefaultFeaturePages,
            FeaturePagesBy = featurePagesBy ?? "personal_cohens_d",
            TopPrompts = topPromptCount,
            HeatmapOrder = heatmapOrder,
            HeatmapFeatures = heatmapFeatures ?? Reports.Pipeline.Features.HeatmapSelection.DefaultCount,
            IncludeFeatures = includeFeatures ?? "",
            MaxLineLength = (int)lineLimit,
            SourceDate = ReportRequest.SourceDateFromEnvironment(),
            HistoryDirectory = history,
            HistoryLabel = historyLabel,
            HistoryMax = historyCount,
            FailOn = failOn ?? "",
            FailOnMode = failOnMode ?? "error",
        };
        options = new BuildOptions(request, verbose);
        return true;
    }
}
