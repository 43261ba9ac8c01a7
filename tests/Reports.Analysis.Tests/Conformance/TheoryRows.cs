namespace Reports.Analysis.Tests.Conformance;

/// <summary>Theory rows from pairs (a collection expression cannot fill a two-column TheoryData).</summary>
internal static class TheoryRows
{
    public static TheoryData<string, string> Of(IEnumerable<(string, string)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (first, second) in rows)
        {
            data.Add(first, second);
        }

        return data;
    }
}
