using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Tests;

internal static class AggregateAssert
{
    /// <summary>
    /// Two aggregates of the same file agree: counts, cells (means to 1e-9), records' lines, offsets and lengths, top
    /// tokens; and the evidence read back from the second's places is the whole file's, as the generated reader reads it.
    /// </summary>
    /// <param name="path">The file <paramref name="actual"/> was read from.</param>
    /// <param name="samePlaces">False when <paramref name="expected"/> is of another file with the same records, whose offsets differ.</param>
    public static void Same(ActivationAggregate expected, ActivationAggregate actual, string path, int topPromptCount = 5, bool samePlaces = true)
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

        Assert.Equal(expected.Features.Keys.Order(), actual.Features.Keys.Order());
        foreach (var (feature, tally) in expected.Features)
        {
            var other = actual.Features[feature];
            Assert.Equal(tally.Lines, other.Lines);
            if (samePlaces)
            {
                Assert.Equal(tally.Records, other.Records);
            }

            Assert.Equal(tally.TopTokens(int.MaxValue).Select(t => (t.Token, t.Occurrences, t.MaxActivation)), other.TopTokens(int.MaxValue).Select(t => (t.Token, t.Occurrences, t.MaxActivation)));
        }

        ExpectedEvidence.AssertReadBack(path, actual, topPromptCount);
    }

    /// <summary>
    /// Two aggregates are the same bits: every cell's statistics exactly (count, sum, min, max, M2), the records' places
    /// (file, line, offset, length), the top tokens with their sums, the counts and the first replaced surrogate.
    /// </summary>
    public static void Identical(ActivationAggregate expected, ActivationAggregate actual)
    {
        Assert.Equal((expected.RecordCount, expected.PromptCount, expected.RecordsReadByGeneratedReader, expected.ReplacedSurrogates),
            (actual.RecordCount, actual.PromptCount, actual.RecordsReadByGeneratedReader, actual.ReplacedSurrogates));
        Assert.Equal(expected.LabelCounts.OrderBy(p => p.Key, StringComparer.Ordinal), actual.LabelCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Features.Keys.Order(), actual.Features.Keys.Order());
        foreach (var (feature, tally) in expected.Features)
        {
            var other = actual.Features[feature];
            Assert.Equal(tally.Records, other.Records);
            Assert.Equal(tally.Cells.OrderBy(c => c.Label, StringComparer.Ordinal), other.Cells.OrderBy(c => c.Label, StringComparer.Ordinal));
            Assert.Equal(tally.TopTokens(int.MaxValue), other.TopTokens(int.MaxValue));
        }
    }
}
