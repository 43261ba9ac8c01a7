using System.Globalization;
using Reports.Analysis.Reading;

namespace Reports.Bench;

/// <summary>
/// <c>Reports.Bench aggregate FILE</c>: this repository's aggregation alone, as a library call (no descriptions, no
/// SHA-256 of the inputs, no files written); prints the number of prompts. The row to hold against the token scan.
/// </summary>
public static class AggregateMode
{
    public static int Run(string jsonl)
    {
        var aggregate = ParallelPromptReader.Aggregate(jsonl);
        Console.WriteLine(aggregate.PromptCount.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
