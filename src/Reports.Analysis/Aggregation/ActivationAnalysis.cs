using Reports.Analysis.Diagnostics;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Aggregation;

/// <summary>
/// The finished analysis of one report: the notebook's feature x prompt-label table of mean activations,
/// prompt counts per label, pandas' describe() of that table per label, and the join with the feature
/// descriptions. Labels are in ordinal order (pandas' pivot order), features in id order.
/// </summary>
public sealed class ActivationAnalysis
{
    private ActivationAnalysis(
        IReadOnlyList<string> labels,
        IReadOnlyList<FeatureSummary> features,
        IReadOnlyList<(string Label, long Count)> labelCounts,
        IReadOnlyList<(string Label, ColumnSummary Summary)> describe,
        AnalysisTotals totals,
        IReadOnlyList<ReportDiagnostic> warnings,
        DescriptionIndex descriptions)
    {
        Descriptions = descriptions;
        Labels = labels;
        Features = features;
        LabelCounts = labelCounts;
        Describe = describe;
        Totals = totals;
        Warnings = warnings;
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The descriptions file's index: the rows' numbers, and their texts read back when an output writes them.</summary>
    public DescriptionIndex Descriptions { get; }

    /// <summary>Every feature in either file, in id order.</summary>
    public IReadOnlyList<FeatureSummary> Features { get; }

    /// <summary>Features with at least one prompt: the columns of the heatmap.</summary>
    public IEnumerable<FeatureSummary> HeatmapFeatures => Features.Where(f => f.HasPrompts);

    public IReadOnlyList<(string Label, long Count)> LabelCounts { get; }

    /// <summary>describe() of the mean-activation matrix, one column per label.</summary>
    public IReadOnlyList<(string Label, ColumnSummary Summary)> Describe { get; }

    public AnalysisTotals Totals { get; }

    public IReadOnlyList<ReportDiagnostic> Warnings { get; }

    /// <summary>Prompts records that the fast reader declined and the generated reader read (<see cref="ActivationAggregate.RecordsReadByGeneratedReader"/>).</summary>
    public long RecordsReadByGeneratedReader { get; private init; }

    /// <summary>The prompts files the aggregate was read from, indexed by <see cref="RecordLocation.Source"/>.</summary>
    public IReadOnlyList<string> PromptsPaths { get; private init; } = [];

    /// <summary>Where a page's records are read back from: the prompts files, or the partial aggregates that hold them.</summary>
    public IFeatureEvidenceSource Evidence { get; private init; } = null!;

    /// <summary>Joins an aggregate of the prompts file with the descriptions file's index.</summary>
    public static ActivationAnalysis Create(
        ActivationAggregate aggregate,
        DescriptionIndex descriptions,
        string descriptionsPath,
        string promptsPath,
        IReadOnlyList<ReportDiagnostic>? readingWarnings = null) =>
        Create(aggregate, descriptions, descriptionsPath, [promptsPath], readingWarnings);

    /// <summary>Joins an aggregate of prompts files with the descriptions file's index.</summary>
    /// <param name="promptsPaths">The prompts files, indexed by <see cref="RecordLocation.Source"/>: where warnings are located and pages' records read back.</param>
    /// <param name="evidence">Where a page's records are read back; by default from <paramref name="promptsPaths"/>.</param>
    public static ActivationAnalysis Create(
        ActivationAggregate aggregate,
        DescriptionIndex descriptions,
        string descriptionsPath,
        IReadOnlyList<string> promptsPaths,
        IReadOnlyList<ReportDiagnostic>? readingWarnings = null,
        IFeatureEvidenceSource? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(descriptions);
        ArgumentNullException.ThrowIfNull(promptsPaths);

        var labels = aggregate.LabelCounts.Keys.Order(StringComparer.Ordinal).ToArray();
        var warnings = new List<ReportDiagnostic>(readingWarnings ?? []);
        if (aggregate.ReplacedSurrogates is { Count: > 0 } replaced)
        {
            warnings.Add(new ReportDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.LoneSurrogate,
                $"expected a character in each \\u escape, found a surrogate without its pair (as Python writes text cut inside a character): {replaced.Count:N0} string(s) read with U+FFFD in its place, the first here; fix the text where it was written",
                promptsPaths[replaced.FirstSource], replaced.FirstLine, replaced.FirstColumn));
        }
        var featureIds = aggregate.Features.Keys.Union(descriptions.FeatureIds).Order().ToArray();
        var withoutPrompts = new StatisticsByLabel(null, labels);
        var features = new FeatureSummary[featureIds.Length];
        for (var i = 0; i < featureIds.Length; i++)
        {
            var id = featureIds[i];
            aggregate.Features.TryGetValue(id, out var tally);
            var byLabel = tally is null ? withoutPrompts : new StatisticsByLabel(tally, labels);

            var described = descriptions.IndexOf(id);
            features[i] = new FeatureSummary(id, described >= 0 ? descriptions.Lines[described] : 0, byLabel, tally?.PromptCount ?? 0, tally);
            warnings.AddRange(Check(id, described >= 0 ? (descriptions.NumPrompts(described), descriptions.Lines[described]) : null, tally, descriptionsPath, promptsPaths));
        }

        var describe = labels
            .Select((label, l) => (label, ColumnSummary.Of(features.Where(f => f.ByLabel[l] is not null).Select(f => f.ByLabel[l]!.Value.Mean))))
            .ToArray();
        var labelCounts = labels.Select(label => (label, aggregate.LabelCounts[label])).ToArray();
        var totals = new AnalysisTotals(descriptions.Count, aggregate.RecordCount, featureIds.Length, aggregate.PromptCount, labels.Length);
        return new ActivationAnalysis(labels, features, labelCounts, describe, totals, warnings, descriptions)
        {
            RecordsReadByGeneratedReader = aggregate.RecordsReadByGeneratedReader,
            PromptsPaths = promptsPaths,
            Evidence = evidence ?? new PromptFilesEvidence(promptsPaths),
        };
    }

    /// <summary>Consistency between the two files: reported, never silently dropped or merged.</summary>
    private static IEnumerable<ReportDiagnostic> Check(
        long id,
        (long? NumPrompts, long Line)? description,
        FeatureTally? tally,
        string descriptionsPath,
        IReadOnlyList<string> promptsPaths)
    {
        if (tally is null)
        {
            yield return new ReportDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.DescriptionWithoutPrompts,
                $"feature {id} is described but has no record in the prompts file; it is listed in the table but not in the heatmap",
                descriptionsPath, description!.Value.Line, 1);
            yield break;
        }

        var first = tally.Records[0];
        var firstLine = first.Line;
        if (description is null)
        {
            yield return new ReportDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.FeatureWithoutDescription,
                $"feature {id} has prompts but no row in the descriptions file; it is reported without a description",
                promptsPaths[first.Source], firstLine, 1);
        }
        else if (description.Value.NumPrompts is { } stated && stated != tally.PromptCount)
        {
            yield return new ReportDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.PromptCountMismatch,
                $"num_prompts: the description row of feature {id} says {stated}, the prompts file has {tally.PromptCount} active prompts",
                descriptionsPath, description.Value.Line, 1);
        }

        if (tally.PromptCount == 0)
        {
            yield return new ReportDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.FeatureWithoutPrompts,
                $"active_prompts: feature {id} has no active prompts; it has no column in the heatmap",
                promptsPaths[first.Source], firstLine, 1);
        }

        foreach (var record in tally.Records.Skip(1))
        {
            var firstPlace = record.Source == first.Source ? $"line {firstLine}" : $"line {firstLine} of {Path.GetFileName(promptsPaths[first.Source])}";
            yield return new ReportDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.RepeatedFeatureRecord,
                $"feature_id: feature {id} has another record here (first at {firstPlace}); their prompts are aggregated together",
                promptsPaths[record.Source], record.Line, 1);
        }
    }
}
