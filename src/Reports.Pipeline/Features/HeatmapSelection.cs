using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;

namespace Reports.Pipeline.Features;

/// <summary>
/// The features the PDF's and the PNG's heatmap draw and the PDF's description table lists. Every feature while
/// they fit (<see cref="ReportRequest.HeatmapFeatures"/>, 200 by default); past that, the features most specific to
/// each category in turn (<see cref="FeatureSpecificity"/>), so every category shows the features that single it
/// out, plus the ones the user names and the ones with a section. Every feature stays in the overview, the HTML and
/// features.csv.
/// </summary>
/// <param name="Features">The chosen features with prompts, in feature-id order.</param>
/// <param name="Total">The features with prompts, of which these were chosen.</param>
/// <param name="Rule">The rule as a sentence for the page; empty when every feature is drawn.</param>
/// <param name="Budget">The count asked for (<see cref="int.MaxValue"/> for "all").</param>
public sealed record HeatmapSelection(IReadOnlyList<FeatureSummary> Features, int Total, string Rule, int Budget)
{
    public const string All = "all";

    public const string DefaultCount = "200";

    public bool IsEveryFeature => Features.Count == Total;

    /// <param name="count">"all", or the number of features chosen by category before the named ones are added.</param>
    /// <param name="named">Features always included: those the user names and those with a section of their own.</param>
    /// <param name="specificity">Per feature of <paramref name="analysis"/>, aligned with its <c>Features</c>.</param>
    /// <exception cref="ArgumentException">The count is neither "all" nor a number.</exception>
    public static HeatmapSelection Choose(ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity, string count, IReadOnlyCollection<long> named)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(specificity);
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(named);
        var withPrompts = Enumerable.Range(0, analysis.Features.Count).Where(i => analysis.Features[i].HasPrompts).ToArray();
        var text = count.Trim();
        int budget;
        if (text.Equals(All, StringComparison.OrdinalIgnoreCase))
        {
            budget = int.MaxValue;
        }
        else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out budget))
        {
            throw new ArgumentException($"HeatmapFeatures: expected \"all\" or a number of features, found \"{count}\"");
        }

        if (withPrompts.Length <= budget)
        {
            return new HeatmapSelection([.. withPrompts.Select(i => analysis.Features[i])], withPrompts.Length, "", budget);
        }

        var byCategory = withPrompts
            .GroupBy(i => specificity[i].LabelIndex)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(i => i, new MostSpecificFirst(analysis.Features, specificity)).ToArray())
            .ToArray();
        var chosen = new SortedSet<int>();
        for (var round = 0; chosen.Count < budget; round++)
        {
            var any = false;
            foreach (var group in byCategory)
            {
                if (round < group.Length && chosen.Count < budget)
                {
                    chosen.Add(group[round]);
                    any = true;
                }
            }

            if (!any)
            {
                break;
            }
        }

        var byCategoryCount = chosen.Count;
        var namedIds = named.ToHashSet();
        foreach (var i in withPrompts)
        {
            if (namedIds.Contains(analysis.Features[i].FeatureId))
            {
                chosen.Add(i);
            }
        }

        var added = chosen.Count - byCategoryCount;
        var rule = string.Create(CultureInfo.InvariantCulture,
            $"The heatmap and the description table show {chosen.Count:N0} of the {withPrompts.Length:N0} features with prompts: {byCategoryCount:N0} chosen category by category in turn, each time the next feature most specific to the category (the largest Cohen's d of the category's prompts against the feature's other prompts; without one, the largest difference of means){(added > 0 ? $", and {added:N0} named in IncludeFeatures or given a section of their own" : "")}. Every feature is in the overview, in report.html and in features.csv.");
        return new HeatmapSelection([.. chosen.Select(i => analysis.Features[i])], withPrompts.Length, rule, budget);
    }
}
