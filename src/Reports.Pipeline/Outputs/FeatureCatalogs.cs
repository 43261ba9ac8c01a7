using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading;
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

        // The numbers come from the descriptions' index. The long texts are read back from the file, a pass per column
        // each time the page writes it, so they are never held for every feature at once; the three short ones have few
        // distinct values, and are read together in one pass the first time the page asks for one, each distinct text
        // held once.
        var descriptions = analysis.Descriptions;
        long[] ids = [.. features.Select(f => f.FeatureId)];
        int[] rows = [.. ids.Select(descriptions.IndexOf)];
        var shortTexts = new Lazy<(string[] Types, string?[] SourceTypes, string?[] Tokens)>(() => ShortTexts(descriptions, ids));
        return new FeatureCatalog
        {
            Labels = labels,
            Ids = ids,
            Described = [.. features.Select(f => f.HasDescription)],
            Types = Deferred(() => shortTexts.Value.Types),
            Descriptions = descriptions.ReadRows(ids).Select(DescriptionTexts.Description),
            SourceTypes = Deferred(() => shortTexts.Value.SourceTypes),
            Tokens = Deferred(() => shortTexts.Value.Tokens),
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

    /// <summary>The type, the file's type and the token of every feature, in one pass over the descriptions file.</summary>
    private static (string[] Types, string?[] SourceTypes, string?[] Tokens) ShortTexts(DescriptionIndex descriptions, long[] ids)
    {
        var types = new string[ids.Length];
        var sourceTypes = new string?[ids.Length];
        var tokens = new string?[ids.Length];
        var distinct = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Once(string? text) => text is null ? null : distinct.TryGetValue(text, out var held) ? held : distinct[text] = text;
        var f = 0;
        foreach (var row in descriptions.ReadRows(ids))
        {
            types[f] = Once(DescriptionTexts.Type(row))!;
            sourceTypes[f] = Once(row?.Type);
            tokens[f] = Once(row?.Token is { } token ? PromptTokens.Display(token) : null);
            f++;
        }

        return (types, sourceTypes, tokens);
    }

    /// <summary>A column got only when it is first enumerated.</summary>
    private static IEnumerable<T> Deferred<T>(Func<T[]> column)
    {
        foreach (var value in column())
        {
            yield return value;
        }
    }

    /// <param name="rows">Per feature, its index in the descriptions, or -1 without a row.</param>
    private static double[] Column(int[] rows, Func<int, double?> value) =>
        [.. rows.Select(i => i < 0 ? double.NaN : value(i) ?? double.NaN)];
}
