namespace Reports.Analysis.Aggregation;

/// <summary>
/// Everything known about one feature: its description row (if the descriptions file has one) joined with
/// its activation statistics per prompt label. A feature with prompts but no description row is kept.
/// </summary>
/// <param name="ByLabel">Aligned with <see cref="ActivationAnalysis.Labels"/>; null where the feature has no prompt of that label.</param>
/// <param name="DescriptionLine">Line of the description row in the descriptions file; 0 without one.</param>
public sealed record FeatureSummary(
    long FeatureId,
    FeatureDescription? Description,
    long DescriptionLine,
    IReadOnlyList<RunningStatistics?> ByLabel,
    long PromptCount,
    Evidence.FeatureEvidence? Evidence)
{
    /// <summary>Whether the feature has at least one active prompt, and so a column in the heatmap.</summary>
    public bool HasPrompts => PromptCount > 0;
}
