namespace Reports.Analysis.Aggregation;

/// <summary>
/// Everything known about one feature: where its description row is (if the descriptions file has one; the row itself
/// is read back from <see cref="ActivationAnalysis.Descriptions"/>) joined with its activation statistics per prompt
/// label. A feature with prompts but no description row is kept.
/// </summary>
/// <param name="ByLabel">Aligned with <see cref="ActivationAnalysis.Labels"/>; null where the feature has no prompt of that label.</param>
/// <param name="DescriptionLine">Line of the description row in the descriptions file; 0 without one.</param>
public sealed record FeatureSummary(
    long FeatureId,
    long DescriptionLine,
    IReadOnlyList<RunningStatistics?> ByLabel,
    long PromptCount,
    Evidence.FeatureEvidence? Evidence)
{
    /// <summary>Whether the feature has at least one active prompt, and so a column in the heatmap.</summary>
    public bool HasPrompts => PromptCount > 0;

    /// <summary>Whether the descriptions file has a row for the feature.</summary>
    public bool HasDescription => DescriptionLine > 0;
}
