using Reports.Analysis;
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

        return new FeatureCatalog
        {
            Labels = labels,
            Ids = [.. features.Select(f => f.FeatureId)],
            Described = [.. features.Select(f => f.Description is not null)],
            Types = [.. features.Select(f => DescriptionTexts.Type(f.Description))],
            Descriptions = [.. features.Select(f => DescriptionTexts.Description(f.Description))],
            SourceTypes = [.. features.Select(f => f.Description?.Type)],
            Tokens = [.. features.Select(f => f.Description?.Token is { } token ? PromptTokens.Display(token) : null)],
            Links = [.. features.Select(f => f.Description?.Link)],
            GeneralMeans = Column(features, d => d.GeneralActivationMean),
            GeneralMaxima = Column(features, d => d.GeneralActivationMax),
            GeneralMinima = Column(features, d => d.GeneralActivationMin),
            PersonalMeans = Column(features, d => d.PersonalMean),
            PersonalCohensD = Column(features, d => d.PersonalCohensD),
            StatedPromptCounts = [.. features.Select(f => f.Description?.NumPrompts)],
            PromptCounts = [.. features.Select(f => f.PromptCount)],
            MostSpecificLabels = mostSpecific,
            MostSpecificCohensD = mostSpecificD,
            MeansByLabel = means,
            CountsByLabel = counts,
            CohensDByLabel = cohensD,
            HasSection = [.. features.Select(f => withSection.Contains(f.FeatureId))],
        };
    }

    private static double[] Column(IReadOnlyList<FeatureSummary> features, Func<FeatureDescription, double?> value) =>
        [.. features.Select(f => f.Description is { } row ? value(row) ?? double.NaN : double.NaN)];
}
