using System.Globalization;
using Reports.Analysis;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading;
using Reports.Rendering.Report;
using static Reports.Pipeline.CellText;

namespace Reports.Pipeline.Features;

/// <summary>Turns a feature's statistics and evidence into its page.</summary>
public static class FeaturePages
{
    /// <summary>How many of a feature's most frequent tokens its page lists.</summary>
    public const int TopTokenCount = 10;

    public static string Anchor(long featureId) => "feature-" + featureId.ToString(CultureInfo.InvariantCulture);

    /// <param name="description">The feature's description row, read back from the descriptions file; null without one.</param>
    /// <param name="evidence">The feature's records read back for this page (<see cref="IFeatureEvidenceSource"/>): its strongest prompts and distributions.</param>
    public static FeaturePage From(FeatureSummary feature, FeatureDescription? description, IReadOnlyList<string> labels, FeatureEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(evidence);
        var d = description;
        var strongest = evidence.TopPrompts;
        var scaleMax = strongest.SelectMany(p => p.Tokens).Select(t => t.Activation).DefaultIfEmpty(0).Max();
        var contrasts = CategoryContrast.For(feature, labels);
        return new FeaturePage
        {
            FeatureId = feature.FeatureId.ToString(CultureInfo.InvariantCulture),
            Anchor = Anchor(feature.FeatureId),
            Type = d?.ClaudeType is { Length: > 0 } type ? type : "Unknown",
            Description = DescriptionTexts.Description(d),
            Link = d?.Link,
            Statistics = StatisticsTable(
            [
                ("General mean", FileNumber(d, d?.GeneralActivationMean)), ("General max", FileNumber(d, d?.GeneralActivationMax)),
                ("General min", FileNumber(d, d?.GeneralActivationMin)), ("Personal mean", FileNumber(d, d?.PersonalMean)),
                ("Cohen's d (file)", FileNumber(d, d?.PersonalCohensD, "0.00")), ("num_prompts (file)", FileCount(d, d?.NumPrompts)),
                ("Prompts here", Count(feature.PromptCount)),
            ]),
            Distribution = [.. labels.Select(l => (l, (IReadOnlyList<double>)(evidence.ActivationsByLabel.GetValueOrDefault(l) ?? [])))],
            Contrast = new TableModel(
                [new("Category", 2), new("Prompts", 1, IsNumeric: true), new("Mean", 1, IsNumeric: true), new("Other prompts", 1.2f, IsNumeric: true), new("Their mean", 1.2f, IsNumeric: true), new("Cohen's d", 2.2f, IsNumeric: true)],
                [.. contrasts.Select(c => (IReadOnlyList<TableCell>)[c.Label, Count(c.Count), Number(c.Mean), Count(c.RestCount), Number(c.RestMean),
                    c.CohensD is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "undefined (a side has < 2 prompts)"])]),
            MostSpecific = MostSpecific(contrasts),
            TopPrompts = [.. strongest.Select((p, i) => PromptTokens.Evidence(p, i + 1, scaleMax))],
            TopTokens = new TableModel(
                [new("Token", 2), new("Occurrences", 1, IsNumeric: true), new("Mean activation", 1, IsNumeric: true), new("Max activation", 1, IsNumeric: true)],
                [.. feature.TopTokens(TopTokenCount).Select(t => (IReadOnlyList<TableCell>)[PromptTokens.Display(t.Token).Trim(), Count(t.Occurrences), Number(t.MeanActivation), Number(t.MaxActivation)])]),
        };
    }

    private static string MostSpecific(IReadOnlyList<CategoryContrast> contrasts)
    {
        var best = contrasts.Where(c => c.CohensD is not null).OrderByDescending(c => c.CohensD).ThenBy(c => c.Label, StringComparer.Ordinal).FirstOrDefault();
        return best is null
            ? "No category has a defined contrast: each side needs at least two prompts."
            : string.Create(CultureInfo.InvariantCulture, $"Most specific to {best.Label}: Cohen's d = {best.CohensD:0.00} against the feature's other prompts (pooled standard deviation).");
    }

    /// <summary>The description row's statistics as a one-row table, a column each.</summary>
    private static TableModel StatisticsTable(IReadOnlyList<(string Label, string Value)> statistics) =>
        new([.. statistics.Select(s => new TableColumn(s.Label, 1, IsNumeric: true))], [[.. statistics.Select(s => (TableCell)s.Value)]]);
}
