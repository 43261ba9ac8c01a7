using System.Collections;

namespace Reports.Analysis.Aggregation;

/// <summary>
/// A feature's statistics aligned with the analysis' labels, read from its tally when asked: a million features do
/// not each copy a row of the matrix, most of whose cells are empty.
/// </summary>
internal sealed class StatisticsByLabel(FeatureTally? tally, string[] labels) : IReadOnlyList<RunningStatistics?>
{
    public RunningStatistics? this[int index] => tally?.StatisticsOf(labels[index]) ?? (index < labels.Length ? null : throw new ArgumentOutOfRangeException(nameof(index)));

    public int Count => labels.Length;

    public IEnumerator<RunningStatistics?> GetEnumerator()
    {
        for (var i = 0; i < labels.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
