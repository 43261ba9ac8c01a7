using System.Globalization;
using DuckDB.NET.Data;

namespace Reports.Bench;

/// <summary>
/// <c>Reports.Bench duckdb FILE --groups CSV [--columns]</c>: the heatmap table as one DuckDB query over the JSONL, on
/// DuckDB's default threads (all cores). Reads the whole result set and writes it for the agreement check.
/// </summary>
public static class DuckDbMode
{
    /// <summary>
    /// Only the two fields the query needs. Without it read_json infers the schema from its first 20,480 records,
    /// which for these long lines is the whole file parsed once more, and then materialises every prompt field.
    /// </summary>
    public const string Columns = "columns={feature_id: 'BIGINT', active_prompts: 'STRUCT(prompt_label VARCHAR, prompt_feature_activation DOUBLE)[]'}";

    public static string Query(string jsonl, bool explicitColumns) => $"""
        SELECT feature_id, p.prompt_label, avg(p.prompt_feature_activation), count(*)
        FROM (SELECT feature_id, unnest(active_prompts) AS p
              FROM read_json('{jsonl.Replace("'", "''", StringComparison.Ordinal)}', format='newline_delimited'{(explicitColumns ? ", " + Columns : "")}))
        GROUP BY ALL
        """;

    public static int Run(string jsonl, string groupsCsv, bool explicitColumns)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Query(jsonl, explicitColumns);
        using var reader = command.ExecuteReader();
        var groups = new List<AggregateGroup>();
        while (reader.Read())
        {
            groups.Add(new AggregateGroup(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2), reader.GetInt64(3)));
        }

        AggregateCsv.Write(groupsCsv, groups);
        Console.WriteLine(groups.Count.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
