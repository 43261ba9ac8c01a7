using System.Reflection;
using DuckDB.NET.Data;

namespace Reports.Bench;

/// <summary>
/// The contenders, all reading the same JSONL. The .NET ones run as <c>dotnet X.dll</c>, so each pays the same start-up.
/// </summary>
public sealed record Contenders(
    Contender IoFloor, Contender ScanOneCore, Contender ScanAllCores, Contender DuckDb, Contender DuckDbWithColumns, Contender OursAggregationOnly, Contender OursWithoutHashes, Contender Ours, Contender OursRendered)
{
    public IReadOnlyList<Contender> All => [IoFloor, ScanOneCore, ScanAllCores, DuckDb, DuckDbWithColumns, OursAggregationOnly, OursWithoutHashes, Ours, OursRendered];

    /// <summary>What runs on every writer style after the first: the fair DuckDB query against the command.</summary>
    public IReadOnlyList<Contender> EveryStyle => [DuckDbWithColumns, OursWithoutHashes, Ours];

    /// <summary>Where each DuckDB run's groups and our report land, for the agreement check.</summary>
    public static string DuckDbGroupsPath(string workspace, bool explicitColumns) =>
        Path.Combine(workspace, explicitColumns ? "duckdb-columns-groups.csv" : "duckdb-groups.csv");

    public static string OursAggregatePath(string workspace) => Path.Combine(workspace, "ours", "aggregate.csv");

    public static string OursTokensPath(string workspace) => Path.Combine(workspace, "ours", "tokens.csv");

    public static Contenders For(Workload workload, string workspace)
    {
        var jsonl = workload.Files.PromptsPath;
        var bench = typeof(Contenders).Assembly.Location;
        var reports = Path.Combine(AppContext.BaseDirectory, "reports.dll");
        var cores = Environment.ProcessorCount;
        var duckDb = $"DuckDB.NET {typeof(DuckDBConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]}";
        return new Contenders(
            new Contender("cat > /dev/null (I/O floor)", "/bin/sh", ["-c", "cat \"$1\" > /dev/null", "sh", jsonl]),
            new Contender("Utf8JsonReader, every token, 1 core", "dotnet", [bench, "scan", "--threads", "1", jsonl]),
            new Contender($"Utf8JsonReader, every token, {cores} cores", "dotnet", [bench, "scan", "--threads", $"{cores}", jsonl]),
            new Contender($"{duckDb} read_json auto-detect + GROUP BY, {cores} cores", "dotnet",
                [bench, "duckdb", jsonl, "--groups", DuckDbGroupsPath(workspace, explicitColumns: false)]),
            new Contender($"{duckDb} read_json with columns + GROUP BY, {cores} cores", "dotnet",
                [bench, "duckdb", jsonl, "--groups", DuckDbGroupsPath(workspace, explicitColumns: true), "--columns"]),
            new Contender($"ours, aggregation alone (library call), {cores} cores", "dotnet", [bench, "aggregate", jsonl]),
            new Contender("reports build --no-render --no-input-hashes (ours)", "dotnet",
                [reports, "build", "--descriptions", workload.Files.DescriptionsPath, "--prompts", jsonl, "--out", Path.Combine(workspace, "ours-unhashed"), "--no-render", "--no-input-hashes"]),
            // --verbose prints how many lines the fast reader declined, for the checks under the table.
            new Contender("reports build --no-render (ours)", "dotnet",
                [reports, "build", "--descriptions", workload.Files.DescriptionsPath, "--prompts", jsonl, "--out", Path.Combine(workspace, "ours"), "--no-render", "--verbose"]),
            // The report step of a build (every file: PDF, HTML, PNG), without MSBuild around it.
            new Contender("reports build, every output (PDF, HTML, PNG)", "dotnet",
                [reports, "build", "--descriptions", workload.Files.DescriptionsPath, "--prompts", jsonl, "--out", Path.Combine(workspace, "ours-rendered")]));
    }
}
