using Reports.Analysis;

namespace Reports.Pipeline.Features;

/// <summary>A feature's type and description as every document shows them, with or without a description row.</summary>
public static class DescriptionTexts
{
    /// <summary><c>claude_type</c>: "Unknown" when empty, "—" without a row (the tables' rows say so in their numbers too).</summary>
    public static string Type(FeatureDescription? row) =>
        row?.ClaudeType is { Length: > 0 } type ? type : row is null ? "—" : "Unknown";

    /// <summary><c>claude_desc</c> in full; the notebook's words where it is empty, and a plain statement without a row.</summary>
    public static string Description(FeatureDescription? row) =>
        row is null ? "(no row in the descriptions file)" : string.IsNullOrEmpty(row.ClaudeDesc) ? "No description available" : row.ClaudeDesc;
}
