using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;

namespace Reports.Analysis.Tests;

/// <summary>A feature's most specific category: the largest Cohen's d against its other prompts, computed here by hand.</summary>
public sealed class FeatureSpecificityTests
{
    [Fact]
    public void The_category_with_the_largest_d_wins_even_over_a_higher_mean_without_one()
    {
        // code: 10, 12 (mean 11); therapy: 1, 2, 3 (mean 2); math: 30 alone (the highest mean, but one prompt has no d).
        var feature = Feature([[10, 12], [1, 2, 3], [30]]);

        var specificity = FeatureSpecificity.Of(feature);

        // code against the other four prompts (1, 2, 3, 30; mean 9): pooled variance (2 + 590) / 4 (squared deviations 64, 49, 36, 441).
        var expected = (11.0 - 9.0) / Math.Sqrt((2.0 + 590.0) / 4.0);
        Assert.Equal(0, specificity.LabelIndex);
        Assert.Equal(expected, specificity.CohensD!.Value, 12);
        Assert.Equal(2.0, specificity.MeanDifference, 12);
    }

    [Fact]
    public void Without_any_d_the_highest_mean_above_the_rest_wins()
    {
        var feature = Feature([[4], null, [9]]);

        var specificity = FeatureSpecificity.Of(feature);

        Assert.Equal((2, (double?)null, 5.0), (specificity.LabelIndex, specificity.CohensD, specificity.MeanDifference));
    }

    [Fact]
    public void A_feature_with_one_category_is_specific_to_it_by_its_mean_and_one_without_prompts_to_none()
    {
        Assert.Equal((1, (double?)null, 3.0), (FeatureSpecificity.Of(Feature([null, [2, 4]])) is var s ? (s.LabelIndex, s.CohensD, s.MeanDifference) : default));
        Assert.Equal(-1, FeatureSpecificity.Of(Feature([null, null])).LabelIndex);
    }

    private static FeatureSummary Feature(double[]?[] byLabel)
    {
        var statistics = byLabel.Select(values =>
        {
            if (values is null)
            {
                return (RunningStatistics?)null;
            }

            var s = new RunningStatistics();
            foreach (var v in values)
            {
                s.Add(v);
            }

            return s;
        }).ToArray();
        return new FeatureSummary(1, 0, statistics, byLabel.Sum(v => v?.Length ?? 0), null);
    }
}
