using Reports.Schema;

namespace Reports.Pipeline;

/// <summary>One report to build: its inputs, where its files go, and how it is titled.</summary>
public sealed record ReportRequest
{
    /// <summary>The report's name (the ActivationReport item's identity), e.g. "personal-general".</summary>
    public required string Name { get; init; }

    /// <summary>The feature-descriptions CSV.</summary>
    public required string DescriptionsPath { get; init; }

    /// <summary>
    /// The active-prompts JSONL: one file, or its shards, as paths and glob patterns (<see cref="InputPatterns"/>);
    /// plain, gzip (<c>.gz</c>) or Zstandard (<c>.zst</c>). The files are read in sorted order, as one.
    /// </summary>
    public IReadOnlyList<string> Prompts { get; init; } = [];

    /// <summary>
    /// Partial aggregates written by <c>reports aggregate</c> (paths and glob patterns), read instead of
    /// <see cref="Prompts"/>: the prompts files they were written from need not be here.
    /// </summary>
    public IReadOnlyList<string> Partials { get; init; } = [];

    /// <summary>
    /// <see cref="Prompts"/> as the item's metadata writes it: set, one file; read, the files and patterns separated by
    /// ';'.
    /// </summary>
    public string PromptsPath
    {
        get => Prompts.Count == 1 ? Prompts[0] : string.Join(";", Prompts);
        init => Prompts = [value];
    }

    public required string OutputDirectory { get; init; }

    public string? Title { get; init; }

    /// <summary>False writes only the data files (aggregate.csv, summary.json): the aggregation timed alone.</summary>
    public bool Render { get; init; } = true;

    /// <summary>
    /// Whether the inputs' SHA-256 is computed for summary.json and the cover. It is a second full read, on one core,
    /// nearly as long as the aggregation itself: a quick look at a large file can go without it. The documents then
    /// say "not computed".
    /// </summary>
    public bool HashInputs { get; init; } = true;

    /// <summary>
    /// The date printed in documents and their metadata: from <c>SOURCE_DATE_EPOCH</c> (the reproducible-builds
    /// convention) or none. Never the wall clock or a file time, so the same inputs give the same bytes.
    /// </summary>
    public DateTimeOffset? SourceDate { get; init; }

    /// <summary>
    /// Which features get a page of their own: "all", "none", a number N (the top N by
    /// <see cref="FeaturePagesBy"/>), or a list of feature ids separated by ';' or ','.
    /// </summary>
    /// The default, the top 50, is every feature of a small report and keeps a report of thousands readable (and
    /// its PDF within seconds); "all" gives each of them a section.
    public string FeaturePages { get; init; } = DefaultFeaturePages;

    public const string DefaultFeaturePages = "50";

    /// <summary>The descriptions column that ranks features for a numeric <see cref="FeaturePages"/>.</summary>
    public string FeaturePagesBy { get; init; } = "personal_cohens_d";

    /// <summary>How many of its strongest prompts each feature page shows.</summary>
    public int TopPrompts { get; init; } = 5;

    /// <summary>
    /// "id" (the notebook's order), "clustered" (similar category profiles side by side) or "category" (grouped by the
    /// category each feature is most specific to); null: id when every feature is drawn, category for a selection.
    /// </summary>
    public string? HeatmapOrder { get; init; }

    /// <summary>
    /// How many features the PDF's and PNG's heatmap and the PDF's description table show: every feature while there
    /// are at most this many, else this many chosen category by category (<see cref="Features.HeatmapSelection"/>);
    /// "all" for every feature at any width.
    /// </summary>
    public string HeatmapFeatures { get; init; } = Features.HeatmapSelection.DefaultCount;

    /// <summary>Feature ids always in the heatmap and the description table, separated by ';' or ','.</summary>
    public string IncludeFeatures { get; init; } = "";

    /// <summary>
    /// The longest line (a CSV record with its quoted line breaks) accepted in either input, in bytes: what bounds the
    /// readers' memory, whatever a file holds. Past it the run fails with RPT020 (a file that is not text, mostly).
    /// </summary>
    public int MaxLineLength { get; init; } = ReaderLimits.DefaultMaxLineLength;

    /// <summary>
    /// Where each build adds a snapshot of the report (docs/history.md) and from which the changes since the previous
    /// build are drawn; null keeps no history.
    /// </summary>
    public string? HistoryDirectory { get; init; }

    /// <summary>The build's label in its snapshot (e.g. the commit); null for none. Never the clock.</summary>
    public string? HistoryLabel { get; init; }

    /// <summary>How many snapshots the history keeps and reads, the newest.</summary>
    public int HistoryMax { get; init; } = DefaultHistoryMax;

    public const int DefaultHistoryMax = 50;

    /// <summary>Rules over the changes since the previous build, e.g. "removed&gt;0;profile-shift&gt;2.0" (docs/history.md); empty for none.</summary>
    public string FailOn { get; init; } = "";

    /// <summary>"error" (the default): a broken <see cref="FailOn"/> rule fails the build; "warn" reports it as a warning.</summary>
    public string FailOnMode { get; init; } = "error";

    public string DisplayTitle => string.IsNullOrWhiteSpace(Title) ? Name : Title;

    /// <summary>Reads <c>SOURCE_DATE_EPOCH</c> (seconds since 1970-01-01 UTC); null when unset or not a number.</summary>
    public static DateTimeOffset? SourceDateFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
