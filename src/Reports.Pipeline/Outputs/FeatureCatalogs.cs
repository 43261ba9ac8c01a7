using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Pipeline.Features;
using Reports.Rendering.Report;

namespace Reports.Pipeline.Outputs;

/// <summary>Fills the HTML's catalogue of every feature, column by column, from an analysis.</summary>
public static class FeatureCatalogs
{
    /// <param name="specificity">Per feature of <paramref name="analysis"/>, as the run computed it once (<see cref="ReportContent.Specificity"/>).</param>
    /// <param name="withSection">The ids of the features that get a section of their own.</param>
    public static FeatureCatalog From(ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity, IReadOnlySet<long> withSection)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(specificity);
        ArgumentNullException.ThrowIfNull(withSection);
        var features = analysis.Features;
        var labels = analysis.Labels;
        var count = features.Count;
        var means = new double[count * labels.Count];
        var counts = new long[count * labels.Count];
        var cohensD = new double[count * labels.Count];
        var mostSpecific = new int[count];
        var mostSpecificD = new double[count];
        for (var f = 0; f < count; f++)
        {
            var feature = features[f];
            // CategoryContrast.For lists the categories the feature has prompts of, in label order.
            var contrasts = CategoryContrast.For(feature, labels);
            var next = 0;
            for (var l = 0; l < labels.Count; l++)
            {
                var cell = (f * labels.Count) + l;
                if (feature.ByLabel[l] is { } statistics)
                {
                    means[cell] = statistics.Mean;
                    counts[cell] = statistics.Count;
                    cohensD[cell] = contrasts[next++].CohensD ?? double.NaN;
                }
                else
                {
                    means[cell] = double.NaN;
                    cohensD[cell] = double.NaN;
                }
            }

            mostSpecific[f] = specificity[f].LabelIndex;
            mostSpecificD[f] = specificity[f].CohensD ?? double.NaN;
        }

        // The numbers come from the descriptions' index; the texts are read back from the file, a pass per column each
        // time the page writes it, so they are never held for every feature at once.
        var descriptions = analysis.Descriptions;
        long[] ids = [.. features.Select(f => f.FeatureId)];
        int[] rows = [.. ids.Select(descriptions.IndexOf)];
        return new FeatureCatalog
        {
            Labels = labels,
            Ids = ids,
            Described = [.. features.Select(f => f.HasDescription)],
            Types = descriptions.ReadRows(ids).Select(DescriptionTexts.Type),
            Descriptions = descriptions.ReadRows(ids).Select(DescriptionTexts.Description),
            SourceTypes = descriptions.ReadRows(ids).Select(d => d?.Type),
            Tokens = descriptions.ReadRows(ids).Select(d => d?.Token is { } token ? PromptTokens.Display(token) : null),
            Links = descriptions.ReadRows(ids).Select(d => d?.Link),
            GeneralMeans = Column(rows, i => descriptions.GeneralActivationMean(i)),
            GeneralMaxima = Column(rows, i => descriptions.GeneralActivationMax(i)),
            GeneralMinima = Column(rows, i => descriptions.GeneralActivationMin(i)),
            PersonalMeans = Column(rows, i => descriptions.PersonalMean(i)),
            PersonalCohensD = Column(rows, i => descriptions.PersonalCohensD(i)),
            StatedPromptCounts = [.. rows.Select(i => i < 0 ? null : descriptions.NumPrompts(i))],
            PromptCounts = [.. features.Select(f => f.PromptCount)],
            MostSpecificLabels = mostSpecific,
            MostSpecificCohensD = mostSpecificD,
            MeansByLabel = means,
            CountsByLabel = counts,
            CohensDByLabel = cohensD,
            HasSection = [.. features.Select(f => withSection.Contains(f.FeatureId))],
        };
    }

    /// <param name="rows">Per feature, its index in the descriptions, or -1 without a row.</param>
    private static double[] Column(int[] rows, Func<int, double?> value) =>
        [.. rows.Select(i => i < 0 ? double.NaN : value(i) ?? double.NaN)];
}
