using Reports.Analysis.Evidence;
using Reports.Analysis.Reading;
using Reports.DataGen;

namespace Reports.Analysis.Tests;

/// <summary>The per-feature evidence behind the feature pages, against an independent reading of the JSONL.</summary>
public sealed class FeatureEvidenceTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    [InlineData(12)]
    public void Top_prompts_are_the_k_strongest_of_each_feature(int k)
    {
        var files = Generated(features: 120, promptsPerFeature: 25, seed: 11);
        var aggregate = ActivationAnalyzer.AggregatePrompts(files.PromptsPath);

        foreach (var (feature, prompts) in PromptTruth.ByFeature(files.PromptsPath))
        {
            var expected = PromptTruth.Strongest(prompts, k).Select(p => p.Id);
            var evidence = FeatureEvidenceReader.Read(files.PromptsPath, feature, aggregate.Features[feature].Records, k);
            Assert.Equal(expected, evidence.TopPrompts.Select(p => p.PromptId));
        }
    }

    [Fact]
    public void Evidence_of_two_halves_merged_equals_the_evidence_of_the_whole()
    {
        var files = Generated(features: 300, promptsPerFeature: 20, seed: 12);
        var lines = File.ReadAllLines(files.PromptsPath);
        var firstHalf = Path.Combine(Path.GetDirectoryName(files.PromptsPath)!, "first.jsonl");
        var secondHalf = Path.Combine(Path.GetDirectoryName(files.PromptsPath)!, "second.jsonl");
        File.WriteAllLines(firstHalf, lines[..(lines.Length / 3)]);
        File.WriteAllLines(secondHalf, lines[(lines.Length / 3)..]);

        var whole = ActivationAnalyzer.AggregatePrompts(files.PromptsPath);
        var merged = ActivationAnalyzer.AggregatePrompts(firstHalf);
        merged.Merge(ActivationAnalyzer.AggregatePrompts(secondHalf), lineOffset: lines.Length / 3, byteOffset: new FileInfo(firstHalf).Length);

        Assert.Equal(whole.Features.Keys.Order(), merged.Features.Keys.Order());
        foreach (var (feature, tally) in whole.Features)
        {
            var other = merged.Features[feature];
            Assert.Equal(tally.Records, other.Records);
            Assert.Equal(tally.TopTokens(int.MaxValue), other.TopTokens(int.MaxValue), TokenStatisticsComparer.Instance);
        }

        // The merged places are the whole file's: the evidence read back from them is the whole's.
        ExpectedEvidence.AssertReadBack(files.PromptsPath, merged);
    }

    [Fact]
    public void Cohens_d_matches_an_independent_pooled_deviation_computation()
    {
        var files = Generated(features: 200, promptsPerFeature: 12, seed: 13);
        var analysis = ActivationAnalyzer.Analyze(files.DescriptionsPath, files.PromptsPath);
        var truth = PromptTruth.ByFeature(files.PromptsPath);
        int defined = 0, undefined = 0;

        foreach (var feature in analysis.Features.Where(f => f.HasPrompts))
        {
            var prompts = truth[feature.FeatureId];
            var contrasts = CategoryContrast.For(feature, analysis.Labels);
            Assert.Equal(prompts.Select(p => p.Label).Distinct().Order(StringComparer.Ordinal), contrasts.Select(c => c.Label).Order(StringComparer.Ordinal));
            foreach (var contrast in contrasts)
            {
                var inside = prompts.Where(p => p.Label == contrast.Label).Select(p => p.Activation).ToArray();
                var outside = prompts.Where(p => p.Label != contrast.Label).Select(p => p.Activation).ToArray();
                Assert.Equal(inside.Length, contrast.Count);
                Assert.Equal(outside.Length, contrast.RestCount);
                if (inside.Length < 2 || outside.Length < 2)
                {
                    Assert.Null(contrast.CohensD);
                    undefined++;
                    continue;
                }

                var pooled = Math.Sqrt(((SumOfSquares(inside)) + SumOfSquares(outside)) / (inside.Length + outside.Length - 2));
                var expected = (inside.Average() - outside.Average()) / pooled;
                Assert.NotNull(contrast.CohensD);
                NotebookMethod.AssertRelativelyEqual(expected, contrast.CohensD.Value, $"feature {feature.FeatureId} {contrast.Label}");
                defined++;
            }
        }

        // The data must exercise both branches, or the test proves less than it claims.
        Assert.True(defined > 100 && undefined > 10, $"{defined} defined, {undefined} undefined");
    }

    [Fact]
    public void Token_statistics_are_the_features_most_frequent_tokens_counted_over_every_occurrence()
    {
        var files = Generated(features: 80, promptsPerFeature: 40, seed: 14);
        var aggregate = ActivationAnalyzer.AggregatePrompts(files.PromptsPath);

        foreach (var (feature, prompts) in PromptTruth.ByFeature(files.PromptsPath))
        {
            var expected = prompts.SelectMany(p => p.Tokens).GroupBy(t => t.Text, StringComparer.Ordinal)
                .Select(g => (Token: g.Key, Count: (long)g.Count(), Mean: g.Sum(t => t.Activation) / g.Count(), Max: g.Max(t => t.Activation)))
                .OrderByDescending(t => t.Count).ThenByDescending(t => t.Mean).ThenBy(t => t.Token, StringComparer.Ordinal)
                .Take(Aggregation.FeatureTally.TokensKept).ToList();
            var actual = aggregate.Features[feature].TopTokens(int.MaxValue);
            Assert.Equal(expected.Select(e => (e.Token, e.Count, e.Max)), actual.Select(a => (a.Token, a.Occurrences, a.MaxActivation)));
            for (var i = 0; i < expected.Count; i++)
            {
                NotebookMethod.AssertRelativelyEqual(expected[i].Mean, actual[i].MeanActivation, $"{feature} '{expected[i].Token}' mean");
            }
        }
    }

    private static double SumOfSquares(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean));
    }

    private static DataSetFiles Generated(int features, int promptsPerFeature, int seed) =>
        DataSetWriter.Write(new DataSetOptions { Features = features, PromptsPerFeature = promptsPerFeature, TokensPerPrompt = 12, Seed = seed }, TestData.NewTemporaryDirectory());

    private sealed class TokenStatisticsComparer : IEqualityComparer<TokenStatistics>
    {
        public static readonly TokenStatisticsComparer Instance = new();

        public bool Equals(TokenStatistics x, TokenStatistics y) =>
            x.Token == y.Token && x.Occurrences == y.Occurrences && x.MaxActivation == y.MaxActivation
            && Math.Abs(x.MeanActivation - y.MeanActivation) <= 1e-9 * Math.Abs(x.MeanActivation);

        public int GetHashCode(TokenStatistics obj) => obj.Token.GetHashCode(StringComparison.Ordinal);
    }
}
