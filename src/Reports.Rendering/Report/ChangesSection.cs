using Reports.Rendering.Charts;

namespace Reports.Rendering.Report;

/// <summary>
/// "Changes since the previous build", the same in the PDF (right after the cover) and the HTML: a summary sentence,
/// its parts (features added, removed, moved most, ...) each a note and a table, and the trend of the headline numbers
/// over the kept history.
/// </summary>
public sealed record ChangesSection
{
    public required string Summary { get; init; }

    public IReadOnlyList<ChangesPart> Parts { get; init; } = [];

    /// <summary>The headline numbers over the kept history; drawn when it has at least two points.</summary>
    public TrendModel? Trend { get; init; }
}

/// <summary>A part of the changes: its heading, what it shows (a sentence), and its rows; no table when there are none.</summary>
public sealed record ChangesPart(string Title, string Note, TableModel? Table);
