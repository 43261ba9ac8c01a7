using Reports.Analysis.Diagnostics;
using Reports.Analysis.Reading;
using Reports.DataGen;
using Reports.Schema;
using Reports.Tests;

namespace Reports.Analysis.Tests;

/// <summary>Several prompts files read as one: shards, plain or compressed, a feature's records spread over them.</summary>
public sealed class ShardReadingTests
{
    private static (string Whole, string[] Shards) ShardedSet(int seed, ShardCompression compression = ShardCompression.None)
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 240, PromptsPerFeature = 16, TokensPerPrompt = 14, Seed = seed, Style = WriterStyle.JsonDumps, Text = TextMix.Multilingual }, directory);
        var shards = Shards.Split(files.PromptsPath, Path.Combine(directory, "shards"), 3, compression, spreadLine: 7);
        return (files.PromptsPath, shards);
    }

    [Theory]
    [InlineData(1 << 12)]
    [InlineData(1 << 16)]
    [InlineData(ParallelPromptReader.ChunkSize)]
    public void Gzip_and_Zstandard_shards_aggregate_to_the_bits_of_their_text(int chunkSize)
    {
        var (_, plain) = ShardedSet(31);
        var options = new AnalysisOptions { ChunkSize = chunkSize };
        var expected = ParallelPromptReader.Aggregate(plain, options);

        AggregateAssert.Identical(expected, ParallelPromptReader.Aggregate(Shards.Compressed(plain, ShardCompression.Gzip), options));
        AggregateAssert.Identical(expected, ParallelPromptReader.Aggregate(Shards.Compressed(plain, ShardCompression.Zstandard), options));
        // Mixed, as a job that changed its writer halfway leaves them.
        var gzip = Shards.Compressed(plain, ShardCompression.Gzip);
        var zstd = Shards.Compressed(plain, ShardCompression.Zstandard);
        AggregateAssert.Identical(expected, ParallelPromptReader.Aggregate([plain[0], gzip[1], zstd[2]], options));
    }

    [Theory]
    [InlineData(ShardCompression.Gzip)]
    [InlineData(ShardCompression.Zstandard)]
    public void Lines_longer_than_a_chunk_are_cut_and_limited_in_a_compressed_file_as_in_its_text(ShardCompression compression)
    {
        var (_, plain) = ShardedSet(36);
        var compressed = Shards.Compressed(plain, compression);
        var longest = plain.SelectMany(File.ReadLines).Max(l => System.Text.Encoding.UTF8.GetByteCount(l));
        Assert.True(longest > 1000, "lines longer than the chunks below");

        // Chunks of 700 bytes: most end inside a line, several inside the same one.
        var small = new AnalysisOptions { ChunkSize = 700 };
        AggregateAssert.Identical(ParallelPromptReader.Aggregate(plain, small), ParallelPromptReader.Aggregate(compressed, small));

        // A limit below the longest line: the same error, at the same line of the same shard.
        var limited = small with { MaxLineLength = longest - 1 };
        var expected = Assert.Throws<SchemaDataException>(() => ParallelPromptReader.Aggregate(plain, limited));
        var actual = Assert.Throws<SchemaDataException>(() => ParallelPromptReader.Aggregate(compressed, limited));
        Assert.Equal((expected.Kind, Array.IndexOf(plain, expected.FilePath), expected.Line, expected.Column), (actual.Kind, Array.IndexOf(compressed, actual.FilePath), actual.Line, actual.Column));
    }

    [Fact]
    public void Shards_aggregate_to_what_the_whole_file_gives_a_spread_feature_included()
    {
        var (_, shards) = ShardedSet(32);
        var concatenated = Path.Combine(Path.GetDirectoryName(shards[0])!, "all.jsonl");
        File.WriteAllText(concatenated, string.Concat(shards.Select(File.ReadAllText)));
        var whole = ActivationAnalyzer.AggregatePromptsSerially(concatenated);
        var sharded = ParallelPromptReader.Aggregate(shards, new AnalysisOptions { ChunkSize = 1 << 12 });

        Assert.Equal(whole.RecordCount, sharded.RecordCount);
        Assert.Equal(whole.PromptCount, sharded.PromptCount);
        Assert.Equal(whole.LabelCounts.OrderBy(p => p.Key, StringComparer.Ordinal), sharded.LabelCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        foreach (var (key, cell) in whole.Cells)
        {
            var other = sharded.Cells[key];
            Assert.Equal((cell.Count, cell.Min, cell.Max), (other.Count, other.Min, other.Max));
            NotebookMethod.AssertRelativelyEqual(cell.Mean, other.Mean, $"{key} mean");
        }

        // The spread feature has a record in each shard, each located in its own file.
        var spread = sharded.Features.Values.Single(t => t.Records.Count == 3);
        Assert.Equal([0, 1, 2], spread.Records.Select(r => r.Source));
        foreach (var record in spread.Records)
        {
            Assert.StartsWith("{", File.ReadLines(shards[record.Source]).ElementAt((int)record.Line - 1), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ShardCompression.None)]
    [InlineData(ShardCompression.Gzip)]
    [InlineData(ShardCompression.Zstandard)]
    public void Evidence_read_back_from_shards_is_the_evidence_of_their_text(ShardCompression compression)
    {
        var (_, plain) = ShardedSet(33);
        var shards = compression == ShardCompression.None ? plain : Shards.Compressed(plain, compression);
        var concatenated = Path.Combine(Path.GetDirectoryName(plain[0])!, "all.jsonl");
        File.WriteAllText(concatenated, string.Concat(plain.Select(File.ReadAllText)));
        var analysis = ActivationAnalyzer.Analyze(DescriptionsBeside(plain[0]), shards);
        var wholeAnalysis = ActivationAnalyzer.Analyze(DescriptionsBeside(plain[0]), concatenated);

        var evidence = analysis.Evidence.Read(analysis.Features, 4);
        var wholeEvidence = wholeAnalysis.Evidence.Read(wholeAnalysis.Features, 4);

        Assert.Equal(wholeEvidence.Count, evidence.Count);
        for (var i = 0; i < evidence.Count; i++)
        {
            Assert.Equal(wholeEvidence[i].TopPrompts.Select(p => (p.PromptId, p.Label, p.Activation, p.Text)), evidence[i].TopPrompts.Select(p => (p.PromptId, p.Label, p.Activation, p.Text)));
            Assert.Equal(wholeEvidence[i].ActivationsByLabel.OrderBy(p => p.Key, StringComparer.Ordinal), evidence[i].ActivationsByLabel.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(ShardCompression.None)]
    [InlineData(ShardCompression.Gzip)]
    [InlineData(ShardCompression.Zstandard)]
    public void An_error_in_the_third_shard_is_located_in_that_file_at_its_line(ShardCompression compression)
    {
        var (_, plain) = ShardedSet(34);
        var lines = File.ReadAllLines(plain[2]);
        lines[60] = lines[60].Replace("\"prompt_feature_activation\": ", "\"prompt_feature_activation\": \"high\", \"x\": ", StringComparison.Ordinal);
        File.WriteAllText(plain[2], string.Concat(lines.Select(l => l + "\n")));
        var shards = compression == ShardCompression.None ? plain : Shards.Compressed(plain, compression);

        var error = Assert.Throws<SchemaDataException>(() => ParallelPromptReader.Aggregate(shards, new AnalysisOptions { ChunkSize = 1 << 12 }));

        Assert.Equal(shards[2], error.FilePath);
        Assert.Equal(61, error.Line);
        Assert.Contains("prompt_feature_activation", error.Field, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ShardCompression.Gzip)]
    [InlineData(ShardCompression.Zstandard)]
    public void A_compressed_shard_cut_short_is_an_error_located_in_its_file(ShardCompression compression)
    {
        var (_, plain) = ShardedSet(35);
        var shards = Shards.Compressed(plain, compression);
        Shards.Truncate(shards[1], 0.6);

        var error = Assert.Throws<ReportInputException>(() => ParallelPromptReader.Aggregate(shards, new AnalysisOptions { ChunkSize = 1 << 12 }));

        Assert.Equal(DiagnosticCodes.CorruptCompressedInput, error.Diagnostic.Code);
        Assert.Equal(shards[1], error.Diagnostic.File);
        Assert.InRange(error.Diagnostic.Line, 2, File.ReadAllLines(plain[1]).Length);
        Assert.Contains("cut short", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    private static string DescriptionsBeside(string shard) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetDirectoryName(shard))!, "*.csv").Single();
}
