using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading;
using Reports.Schema;

namespace Reports.Analysis.Tests;

/// <summary>
/// Every feature's evidence as the generated reader gives it reading the whole file, computed here on its own (every
/// prompt sorted by <see cref="TopPrompt.Compare"/>, activations grouped by label in file order), to hold the read-back
/// (<see cref="FeatureEvidenceReader"/>) to.
/// </summary>
internal static class ExpectedEvidence
{
    public static Dictionary<long, (TopPrompt[] Prompts, Dictionary<string, double[]> ByLabel)> Of(string path, int topPromptCount)
    {
        var prompts = new Dictionary<long, List<TopPrompt>>();
        using var reader = FeatureRecordJsonlReader.Open(path, ReaderLimits.LargestMaxLineLength);
        while (reader.TryRead(out var record))
        {
            if (!prompts.TryGetValue(record.FeatureId, out var list))
            {
                prompts.Add(record.FeatureId, list = []);
            }

            list.AddRange(record.ActivePrompts.Select((p, i) => new TopPrompt(p.PromptId, p.PromptLabel, p.PromptFeatureActivation, p.PromptText, p.TokenizedPrompt, p.Tokens ?? [], reader.RecordLine, i)));
        }

        return prompts.ToDictionary(
            p => p.Key,
            p => (p.Value.Order(Comparer<TopPrompt>.Create(TopPrompt.Compare)).Take(topPromptCount).ToArray(),
                p.Value.GroupBy(x => x.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Activation).ToArray(), StringComparer.Ordinal)));
    }

    /// <summary>The evidence read back from the aggregate's places is, for every feature of the aggregate, the whole file's.</summary>
    public static void AssertReadBack(string path, ActivationAggregate aggregate, int topPromptCount = 5)
    {
        var expected = Of(path, topPromptCount);
        foreach (var feature in aggregate.Features.Keys)
        {
            var (prompts, byLabel) = expected[feature];
            var actual = FeatureEvidenceReader.Read(path, feature, aggregate.Features[feature].Records, topPromptCount);
            Assert.Equal(feature, actual.FeatureId);
            AssertSame(prompts, actual.TopPrompts);
            Assert.Equal(byLabel.Keys.Order(StringComparer.Ordinal), actual.ActivationsByLabel.Keys.Order(StringComparer.Ordinal));
            foreach (var (label, values) in byLabel)
            {
                Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), actual.ActivationsByLabel[label].Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    public static void AssertSame(IReadOnlyList<TopPrompt> expected, IReadOnlyList<TopPrompt> actual)
    {
        Assert.Equal(expected.Select(p => (p.PromptId, p.Label, p.Activation, p.Text, p.Line, p.Index)), actual.Select(p => (p.PromptId, p.Label, p.Activation, p.Text, p.Line, p.Index)));
        Assert.Equal(expected.Select(p => string.Join('\u0001', p.TokenizedPrompt)), actual.Select(p => string.Join('\u0001', p.TokenizedPrompt)));
        Assert.Equal(expected.SelectMany(p => p.Tokens.Select(t => (t.Token, t.Activation))), actual.SelectMany(p => p.Tokens.Select(t => (t.Token, t.Activation))));
    }
}
