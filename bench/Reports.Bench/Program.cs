using System.Globalization;
using Reports.Bench;

// The bench runs itself as a child process for the contenders it implements, so every contender's
// wall time and peak RSS are measured the same way, by /usr/bin/time around a process.
return args switch
{
    ["scan", "--threads", var threads, var jsonl] => ScanMode.Run(jsonl, int.Parse(threads, CultureInfo.InvariantCulture)),
    ["aggregate", var jsonl] => AggregateMode.Run(jsonl),
    ["duckdb", var jsonl, "--groups", var groupsCsv] => DuckDbMode.Run(jsonl, groupsCsv, explicitColumns: false),
    ["duckdb", var jsonl, "--groups", var groupsCsv, "--columns"] => DuckDbMode.Run(jsonl, groupsCsv, explicitColumns: true),
    ["widths", ..] => WidthBench.Run(args),
    ["shards", ..] => ShardBench.Run(args),
    _ => BenchCommand.Run(args),
};
