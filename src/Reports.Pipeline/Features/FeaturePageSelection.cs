using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;

namespace Reports.Pipeline.Features;

/// <summary>
/// Which features get a page: "all" (every feature with prompts), "none", a number N (the top N by a descriptions
/// column, highest first), or a list of feature ids. Pages follow the description table's order (feature id).
/// </summary>
public static class FeaturePageSelection
{
    /// <summary>The descriptions columns a numeric selection can rank by: a feature's value, from the analysis' descriptions.</summary>
    public static IReadOnlyDictionary<string, Func<ActivationAnalysis, FeatureSummary, double?>> RankingColumns { get; } = new Dictionary<string, Func<ActivationAnalysis, FeatureSummary, double?>>(StringComparer.Ordinal)
    {
        ["personal_cohens_d"] = (a, f) => FileNumber(a, f, (d, i) => d.PersonalCohensD(i)),
        ["personal_mean"] = (a, f) => FileNumber(a, f, (d, i) => d.PersonalMean(i)),
        ["general_activation_mean"] = (a, f) => FileNumber(a, f, (d, i) => d.GeneralActivationMean(i)),
        ["general_activation_max"] = (a, f) => FileNumber(a, f, (d, i) => d.GeneralActivationMax(i)),
        ["general_activation_min"] = (a, f) => FileNumber(a, f, (d, i) => d.GeneralActivationMin(i)),
        ["num_prompts"] = (_, f) => f.PromptCount,
    };

    /// <exception cref="ArgumentException">The selection or the column is not one of the accepted forms.</exception>
    public static IReadOnlyList<FeatureSummary> Select(ActivationAnalysis analysis, string selection, string rankBy)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(selection);
        var withPrompts = analysis.Features.Where(f => f.HasPrompts).ToArray();
        var text = selection.Trim();
        if (text.Length == 0 || text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return withPrompts;
        }

        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var ids = text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 1 && int.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && !text.Contains(';', StringComparison.Ordinal) && !text.Contains(',', StringComparison.Ordinal))
        {
            if (!RankingColumns.TryGetValue(rankBy, out var rank))
            {
                throw new ArgumentException($"FeaturePagesBy: expected one of {string.Join(", ", RankingColumns.Keys)}, found \"{rankBy}\"");
            }

            return [.. withPrompts.OrderByDescending(f => rank(analysis, f) ?? double.NegativeInfinity).ThenBy(f => f.FeatureId).Take(count).OrderBy(f => f.FeatureId)];
        }

        var byId = analysis.Features.ToDictionary(f => f.FeatureId);
        return [.. Ids(analysis, text, "FeaturePages").Select(id => byId[id]).Distinct().OrderBy(f => f.FeatureId)];
    }

    /// <summary>A number of the feature's description row; null without a row or where the row leaves it missing.</summary>
    private static double? FileNumber(ActivationAnalysis analysis, FeatureSummary feature, Func<DescriptionIndex, int, double?> column) =>
        analysis.Descriptions.IndexOf(feature.FeatureId) is var row and >= 0 ? column(analysis.Descriptions, row) : null;

    /// <summary>A list of feature ids separated by ';' or ',', each of a feature in either input file.</summary>
    /// <param name="option">The option's name, for the error.</param>
    /// <exception cref="ArgumentException">An item is not a feature id, or names no feature.</exception>
    public static IReadOnlyList<long> Ids(ActivationAnalysis analysis, string list, string option)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(list);
        var known = analysis.Features.Select(f => f.FeatureId).ToHashSet();
        var ids = new List<long>();
        foreach (var id in list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var featureId))
            {
                throw new ArgumentException(option == "FeaturePages"
                    ? $"FeaturePages: expected \"all\", \"none\", a number or a list of feature ids, found \"{id}\""
                    : $"{option}: expected feature ids separated by ';' or ',', found \"{id}\"");
            }

            ids.Add(known.Contains(featureId) ? featureId : throw new ArgumentException($"{option}: feature {featureId} is in neither input file"));
        }

        return ids;
    }
}
