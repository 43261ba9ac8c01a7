using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests;

internal static class AggregateAssert
{
    /// <summary>Two aggregates of the same file agree: counts, cells (means to 1e-9), lines, strongest prompts, tokens, distributions.</summary>
    public static void Same(ActivationAggregate expected, ActivationAggregate actual, string path)
    {
        Assert.Equal(expected.RecordCount, actual.RecordCount);
        Assert.Equal(expected.PromptCount, actual.PromptCount);
        Assert.Equal(expected.LabelCounts.OrderBy(p => p.Key, StringComparer.Ordinal), actual.LabelCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Cells.Count, actual.Cells.Count);
        foreach (var (key, cell) in expected.Cells)
        {
            var other = actual.Cells[key];
            Assert.Equal((cell.Count, cell.Min, cell.Max), (other.Count, other.Min, other.Max));
            NotebookMethod.AssertRelativelyEqual(cell.Mean, other.Mean, $"{key} mean");
        }

        foreach (var (feature, occurrences) in expected.Features)
        {
            Assert.Equal(occurrences.Lines, actual.Features[feature].Lines);
        }

        foreach (var (feature, evidence) in expected.Evidence)
        {
            var other = actual.Evidence[feature];
            var mine = evidence.TopPrompts.Strongest();
            var theirs = PendingPrompts.Complete(path, other.TopPrompts.Strongest());
            Assert.Equal(mine.Select(p => (p.PromptId, p.Label, p.Activation, p.Text, p.Line)), theirs.Select(p => (p.PromptId, p.Label, p.Activation, p.Text, p.Line)));
            Assert.Equal(mine.SelectMany(p => p.TokenizedPrompt), theirs.SelectMany(p => p.TokenizedPrompt));
            Assert.Equal(mine.SelectMany(p => p.Tokens.Select(t => (t.Token, t.Activation))), theirs.SelectMany(p => p.Tokens.Select(t => (t.Token, t.Activation))));
            Assert.All(theirs, p => Assert.Null(p.Pending));
            Assert.Equal(evidence.TopTokens(int.MaxValue).Select(t => (t.Token, t.Occurrences, t.MaxActivation)), other.TopTokens(int.MaxValue).Select(t => (t.Token, t.Occurrences, t.MaxActivation)));
            foreach (var (label, values) in evidence.ActivationsByLabel)
            {
                Assert.Equal(values, other.ActivationsByLabel[label]);
            }
        }
    }
}
