namespace Reports.Pipeline.History;

/// <summary>
/// A snapshot's first line: its format's version, the tool's, the build's label and date, what it was made of, and
/// <see cref="ContentSha256"/>, which tells two snapshots of the same data apart from two builds with different labels.
/// </summary>
/// <param name="Date">From SOURCE_DATE_EPOCH (ISO 8601, UTC); null when unset.</param>
/// <param name="ContentSha256">Of everything but the label and the date: the same data gives the same hash.</param>
/// <param name="Labels">The categories, in ordinal order: the order of each feature's means.</param>
/// <param name="WarningCounts">The run's warnings per code.</param>
/// <param name="FeatureCount">The feature lines that follow: a file cut short is told from a whole one.</param>
internal sealed record SnapshotHeader(
    int Version,
    string ToolVersion,
    string? Label,
    string? Date,
    string ContentSha256,
    IReadOnlyList<string> Labels,
    IReadOnlyList<SnapshotInput> Inputs,
    HeadlineNumbers Totals,
    IReadOnlyDictionary<string, long> WarningCounts,
    long FeatureCount);
