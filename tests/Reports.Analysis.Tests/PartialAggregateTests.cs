using Reports.Analysis.Reading;
using Reports.DataGen;

namespace Reports.Analysis.Tests;

public sealed class PartialAggregateTests
{
    [Fact]
    public void Aggregating_two_halves_and_merging_equals_aggregating_the_whole()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 400, PromptsPerFeature = 15, TokensPerPrompt = 5, Seed = 5 }, directory);
        var lines = File.ReadAllLines(files.PromptsPath);
        var firstHalf = Path.Combine(directory, "first.jsonl");
        var secondHalf = Path.Combine(directory, "second.jsonl");
        File.WriteAllLines(firstHalf, lines[..(lines.Length / 2)]);
        File.WriteAllLines(secondHalf, lines[(lines.Length / 2)..]);

        var whole = ActivationAnalyzer.AggregatePrompts(files.PromptsPath);
        var merged = ActivationAnalyzer.AggregatePrompts(firstHalf);
        merged.Merge(ActivationAnalyzer.AggregatePrompts(secondHalf));

        Assert.Equal(whole.RecordCount, merged.RecordCount);
        Assert.Equal(whole.PromptCount, merged.PromptCount);
        Assert.Equal(whole.LabelCounts.OrderBy(p => p.Key), merged.LabelCounts.OrderBy(p => p.Key));
        Assert.Equal(whole.Cells.Keys.OrderBy(k => k.FeatureId).ThenBy(k => k.Label, StringComparer.Ordinal), merged.Cells.Keys.OrderBy(k => k.FeatureId).ThenBy(k => k.Label, StringComparer.Ordinal));
        foreach (var (key, cell) in whole.Cells)
        {
            var other = merged.Cells[key];
            Assert.Equal(cell.Count, other.Count);
            Assert.Equal(cell.Min, other.Min);
            Assert.Equal(cell.Max, other.Max);
            NotebookMethod.AssertRelativelyEqual(cell.Mean, other.Mean, $"{key} mean");
            if (cell.Count > 1)
            {
                NotebookMethod.AssertRelativelyEqual(cell.StandardDeviation, other.StandardDeviation, $"{key} std");
            }
        }
    }
}
