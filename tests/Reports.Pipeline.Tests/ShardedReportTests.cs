using Reports.Analysis.Diagnostics;
using Reports.Analysis.Partials;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>
/// A report of shards: read directly, as a glob, and through partial aggregates, it is the same report; errors in a
/// shard or a partial are located in it and leave the previous report as it was.
/// </summary>
public sealed class ShardedReportTests
{
    private sealed record ShardedSet(string Descriptions, string[] Shards, string Directory);

    /// <summary>Three shards (plain, gzip, Zstandard), a feature's records spread over all three.</summary>
    private static ShardedSet Write(int seed)
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 150, PromptsPerFeature = 12, TokensPerPrompt = 12, Seed = seed, Style = WriterStyle.JsonDumps, Text = TextMix.Multilingual }, directory);
        var plain = Shards.Split(files.PromptsPath, Path.Combine(directory, "shards"), 3, spreadLine: 9);
        var shards = new[] { plain[0], Shards.Compressed([plain[1]], ShardCompression.Gzip)[0], Shards.Compressed([plain[2]], ShardCompression.Zstandard)[0] };
        File.Delete(plain[1]);
        File.Delete(plain[2]);
        return new ShardedSet(files.DescriptionsPath, shards, directory);
    }

    private static ReportRequest Request(ShardedSet set, string output) => new()
    {
        Name = "shards",
        DescriptionsPath = set.Descriptions,
        OutputDirectory = output,
        FeaturePages = "all",
        TopPrompts = 3,
        SourceDate = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
    };

    private static string Partial(IReadOnlyList<string> prompts, string path, int topPrompts = 3)
    {
        var log = new CollectingLog();
        Assert.True(PartialAggregateRun.Run(new PartialAggregateRequest { Prompts = prompts, OutputPath = path, TopPrompts = topPrompts }, log), string.Join("\n", log.Diagnostics));
        return path;
    }

    [Fact]
    public void Shards_read_directly_as_a_glob_and_through_partials_give_the_same_report()
    {
        var set = Write(51);
        var listed = TestData.NewTemporaryDirectory();
        var globbed = TestData.NewTemporaryDirectory();
        var merged = TestData.NewTemporaryDirectory();
        var partials = Path.Combine(set.Directory, "partials");

        Assert.True(ReportPipeline.Run(Request(set, listed) with { Prompts = [.. set.Shards.Reverse()] }, new CollectingLog()).Succeeded);
        Assert.True(ReportPipeline.Run(Request(set, globbed) with { Prompts = [Path.Combine(set.Directory, "shards", "prompts-*")] }, new CollectingLog()).Succeeded);
        // One partial of the first two shards, one of the third: the merge does not depend on the grouping.
        Partial(set.Shards[..2], Path.Combine(partials, "a" + PartialAggregateFormat.Extension));
        Partial(set.Shards[2..], Path.Combine(partials, "b" + PartialAggregateFormat.Extension));
        Assert.True(ReportPipeline.Run(Request(set, merged) with { Partials = [Path.Combine(partials, "*" + PartialAggregateFormat.Extension)] }, new CollectingLog()).Succeeded);

        foreach (var file in new[] { "aggregate.csv", "tokens.csv", "features.csv", "summary.json", "summary.md", "report.pdf" })
        {
            var expected = File.ReadAllBytes(Path.Combine(listed, file));
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(globbed, file))), file + " differs read as a glob");
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, file))), file + " differs merged from partials");
        }

        // The notebook's method over the shards' text put together agrees with their aggregate, and every shard is listed.
        var together = Path.Combine(set.Directory, "together.jsonl");
        File.WriteAllLines(together, set.Shards.SelectMany(Shards.ReadLines));
        NotebookMethod.AssertAggregateCsvAgrees(together, Path.Combine(merged, "aggregate.csv"));
        var summary = File.ReadAllText(Path.Combine(merged, "summary.json"));
        Assert.All(set.Shards, shard => Assert.Contains($"\"file\": \"{Path.GetFileName(shard)}\"", summary, StringComparison.Ordinal));
        Assert.Contains(Path.GetFileName(set.Shards[2]), PdfTools.Text(Path.Combine(merged, "report.pdf"), page: 1), StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_the_third_shard_is_located_there_and_the_previous_report_stays()
    {
        var set = Write(52);
        var output = TestData.NewTemporaryDirectory();
        Assert.True(ReportPipeline.Run(Request(set, output) with { Prompts = set.Shards }, new CollectingLog()).Succeeded);
        var previous = Directory.GetFiles(output).ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);

        var lines = Shards.ReadLines(set.Shards[2]);
        lines[20] = lines[20].Replace("\"feature_id\": ", "\"feature_id\": \"x", StringComparison.Ordinal);
        Shards.Write(set.Shards[2], string.Concat(lines.Select(l => l + "\n")), ShardCompression.Zstandard);
        var log = new CollectingLog();

        Assert.False(ReportPipeline.Run(Request(set, output) with { Prompts = set.Shards }, log).Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((set.Shards[2], 21L), (error.File, error.Line));
        AssertUnchanged(output, previous);
    }

    [Fact]
    public void A_truncated_gzip_shard_and_a_corrupt_partial_are_located_and_the_previous_report_stays()
    {
        var set = Write(53);
        var output = TestData.NewTemporaryDirectory();
        var partial = Partial(set.Shards, Path.Combine(set.Directory, "all" + PartialAggregateFormat.Extension));
        Assert.True(ReportPipeline.Run(Request(set, output) with { Partials = [partial] }, new CollectingLog()).Succeeded);
        var previous = Directory.GetFiles(output).ToDictionary(f => f, File.ReadAllBytes, StringComparer.Ordinal);

        Shards.Truncate(partial, 0.5);
        var partialLog = new CollectingLog();
        Assert.False(ReportPipeline.Run(Request(set, output) with { Partials = [partial] }, partialLog).Succeeded);
        var partialError = Assert.Single(partialLog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.UnreadablePartial, partial), (partialError.Code, partialError.File));
        Assert.True(partialError.Line > 1, partialError.ToString());
        AssertUnchanged(output, previous);

        Shards.Truncate(set.Shards[1], 0.7);
        var shardLog = new CollectingLog();
        Assert.False(ReportPipeline.Run(Request(set, output) with { Prompts = set.Shards }, shardLog).Succeeded);
        var shardError = Assert.Single(shardLog.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.CorruptCompressedInput, set.Shards[1]), (shardError.Code, shardError.File));
        Assert.True(shardError.Line > 1, shardError.ToString());
        AssertUnchanged(output, previous);
    }

    /// <summary>
    /// Shards as Python writes them: pandas' <c>to_json(lines=True, compression="gzip")</c> (a gzip header with a name and
    /// a time), Python's <c>gzip.open</c> with <c>json.dumps</c> lines, and the gzip tool (another deflate stream).
    /// </summary>
    private const string WriteShards = """
        import gzip, json, subprocess, sys
        import pandas as pd
        source, directory = sys.argv[1], sys.argv[2]
        lines = open(source, encoding="utf-8").read().splitlines()
        third = len(lines) // 3
        records = [json.loads(l) for l in lines[:third]]
        pd.DataFrame(records).to_json(f"{directory}/part-0.jsonl.gz", orient="records", lines=True, compression="gzip")
        with gzip.open(f"{directory}/part-1.jsonl.gz", "wt", encoding="utf-8") as out:
            for l in lines[third:2 * third]:
                out.write(json.dumps(json.loads(l)) + "\n")
        with open(f"{directory}/part-2.jsonl", "w", encoding="utf-8") as out:
            out.write("\n".join(lines[2 * third:]) + "\n")
        subprocess.run(["gzip", "-9", f"{directory}/part-2.jsonl"], check=True)
        """;

    [Fact]
    public void Shards_compressed_by_pandas_python_and_gzip_read_as_their_text()
    {
        var set = Write(56);
        var plain = Shards.Split(Path.Combine(set.Directory, "personal_general_prompts.jsonl"), Path.Combine(set.Directory, "whole"), 1)[0];
        var python = Path.Combine(set.Directory, "python");
        Directory.CreateDirectory(python);
        PythonScript.Run(WriteShards, plain, python);
        Assert.Equal(["part-0.jsonl.gz", "part-1.jsonl.gz", "part-2.jsonl.gz"], Directory.GetFiles(python).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var text = Path.Combine(set.Directory, "text.jsonl");
        File.WriteAllLines(text, Directory.GetFiles(python).Order(StringComparer.Ordinal).SelectMany(Shards.ReadLines));
        var fromText = TestData.NewTemporaryDirectory();
        var fromShards = TestData.NewTemporaryDirectory();

        Assert.True(ReportPipeline.Run(Request(set, fromText) with { Prompts = [text], Render = false }, new CollectingLog()).Succeeded);
        var log = new CollectingLog();
        Assert.True(ReportPipeline.Run(Request(set, fromShards) with { Prompts = [Path.Combine(python, "*.gz")], Render = false }, log).Succeeded, string.Join("\n", log.Diagnostics));

        // The shards' text put together is one file: the same records, each located in its shard, the same means to 1e-9.
        NotebookMethod.AssertAggregateCsvAgrees(text, Path.Combine(fromShards, "aggregate.csv"));
        Assert.Equal(File.ReadAllLines(Path.Combine(fromText, "tokens.csv")), File.ReadAllLines(Path.Combine(fromShards, "tokens.csv")));
        Assert.Equal(0, log.Diagnostics.Count(d => d.Code == DiagnosticCodes.CorruptCompressedInput));
    }

    [Fact]
    public void A_shard_another_program_holds_locked_is_an_error_naming_it_not_a_crash()
    {
        var set = Write(55);
        var log = new CollectingLog();
        ReportOutcome outcome;
        using (File.Open(set.Shards[1], FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            outcome = ReportPipeline.Run(Request(set, TestData.NewTemporaryDirectory()) with { Prompts = set.Shards }, log);
        }

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.UnreadableFile, set.Shards[1]), (error.Code, error.File));
    }

    [Fact]
    public void More_strongest_prompts_than_the_partials_hold_is_an_option_error_that_says_how_to_get_them()
    {
        var set = Write(54);
        var partial = Partial(set.Shards, Path.Combine(set.Directory, "all" + PartialAggregateFormat.Extension), topPrompts: 2);
        var log = new CollectingLog();

        Assert.False(ReportPipeline.Run(Request(set, TestData.NewTemporaryDirectory()) with { Partials = [partial], TopPrompts = 5 }, log).Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("--top-prompts 5", error.Message, StringComparison.Ordinal);
    }

    private static void AssertUnchanged(string output, Dictionary<string, byte[]> previous)
    {
        Assert.Equal(previous.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(output).Order(StringComparer.Ordinal));
        Assert.All(previous, file => Assert.True(file.Value.AsSpan().SequenceEqual(File.ReadAllBytes(file.Key)), file.Key + " changed"));
    }
}
