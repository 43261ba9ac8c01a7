using System.Globalization;

namespace Reports.Bench;

/// <summary><c>Reports.Bench scan --threads N FILE</c>: the token scan on N line-aligned ranges in parallel; prints the token count.</summary>
public static class ScanMode
{
    public static int Run(string jsonl, int threads)
    {
        using var file = File.OpenHandle(jsonl);
        var tokens = LineRanges.Split(file, threads)
            .AsParallel()
            .WithDegreeOfParallelism(threads)
            .Sum(range => TokenScan.CountTokens(file, range));
        Console.WriteLine(tokens.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
