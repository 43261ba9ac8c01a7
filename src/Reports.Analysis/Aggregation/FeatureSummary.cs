namespace Reports.Analysis.Aggregation;

/// <summary>
/// Everything known about one feature: where its description row is (if the descriptions file has one; the row itself
/// is read back from <see cref="ActivationAnalysis.Descriptions"/>) joined with its activation statistics per prompt
/// label. A feature with prompts but no description row is kept.
/// </summary>
/// <param name="ByLabel">Aligned with <see cref="ActivationAnalysis.Labels"/>; null where the feature has no prompt of that label.</param>
/// <param name="DescriptionLine">Line of the description row in the descriptions file; 0 without one.</param>
/// <param name="Tally">
/// What the prompts file says of the feature, held for every feature (its records' places, its top tokens); null without
/// a record. A page's prompts and distributions are read back from the records (<see cref="Reading.FeatureEvidenceReader"/>).
/// </param>
public sealed record FeatureSummary(
    long FeatureId,
    long DescriptionLine,
    IReadOnlyList<RunningStatistics?> ByLabel,
    long PromptCount,
    FeatureTally? Tally)
{
    /// <summary>Whether the feature has at least one active prompt, and so a column in the heatmap.</summary>
    public bool HasPrompts => PromptCount > 0;

    /// <summary>Whether the descriptions file has a row for the feature.</summary>
    public bool HasDescription => DescriptionLine > 0;

    /// <summary>The first <paramref name="count"/> of the tokens the feature fires on most (<see cref="FeatureTally.TopTokens"/>); none without a record.</summary>
    public IReadOnlyList<Evidence.TokenStatistics> TopTokens(int count) => Tally?.TopTokens(count) ?? [];
}
