using System.IO.Compression;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Diagnostics;
using Reports.Analysis.Partials;
using Reports.Analysis.Reading;
using Reports.DataGen;
using Reports.Tests;

namespace Reports.Analysis.Tests;

/// <summary>Partial-aggregate files: written from shards, read back and merged to the bits of a direct read.</summary>
public sealed class PartialAggregateFileTests
{
    private static string[] ShardedSet(int seed)
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 180, PromptsPerFeature = 14, TokensPerPrompt = 12, Seed = seed, Style = WriterStyle.JsonDumps, Text = TextMix.Multilingual }, directory);
        var plain = Shards.Split(files.PromptsPath, Path.Combine(directory, "shards"), 4, spreadLine: 5);
        return [plain[0], Shards.Compressed([plain[1]], ShardCompression.Gzip)[0], Shards.Compressed([plain[2]], ShardCompression.Zstandard)[0], plain[3]];
    }

    private static string WritePartial(IReadOnlyList<string> inputs, int topPrompts = 5)
    {
        var path = Path.Combine(TestData.NewTemporaryDirectory(), "part" + PartialAggregateFormat.Extension);
        using var stream = File.Create(path);
        PartialAggregateWriter.Write(inputs, stream, topPrompts, hashInputs: true, "test");
        return path;
    }

    [Theory]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 1, 1, 1, 1 })]
    [InlineData(new[] { 1, 3 })]
    [InlineData(new[] { 2, 2 })]
    public void Partials_merge_to_the_bits_of_a_direct_read_however_the_shards_are_grouped(int[] grouping)
    {
        var shards = ShardedSet(41);
        var direct = ParallelPromptReader.Aggregate(shards);
        var partials = new List<string>();
        var at = 0;
        foreach (var size in grouping)
        {
            partials.Add(WritePartial(shards[at..(at + size)]));
            at += size;
        }

        // Listed in reverse: the merge orders the inputs, not the command line.
        partials.Reverse();
        var merged = PartialAggregateReader.Read(partials);

        AggregateAssert.Identical(direct, merged.Aggregate);
        Assert.Equal(shards.Select(Path.GetFullPath), merged.Inputs.Select(i => i.FullPath));
        Assert.All(merged.Inputs, i => Assert.Equal(64, i.Sha256!.Length));
    }

    [Fact]
    public void Evidence_from_partials_is_the_evidence_read_back_from_the_shards()
    {
        var shards = ShardedSet(42);
        var direct = ParallelPromptReader.Aggregate(shards);
        var merged = PartialAggregateReader.Read([WritePartial(shards[..2], topPrompts: 3), WritePartial(shards[2..], topPrompts: 3)]);
        var descriptions = Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetDirectoryName(shards[0]))!, "*.csv").Single();
        var directAnalysis = ActivationAnalysis.Create(direct, ActivationAnalyzer.ReadDescriptions(descriptions), descriptions, shards);
        var mergedAnalysis = ActivationAnalysis.Create(merged.Aggregate, ActivationAnalyzer.ReadDescriptions(descriptions), descriptions, [.. merged.Inputs.Select(i => i.Path)], evidence: merged.Evidence);

        var expected = directAnalysis.Evidence.Read(directAnalysis.Features, 3);
        var actual = mergedAnalysis.Evidence.Read(mergedAnalysis.Features, 3);

        Assert.Equal(3, merged.TopPromptsHeld);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].TopPrompts.Select(p => (p.PromptId, p.Label, p.Activation, p.Text, p.Line, p.Index, p.Source, string.Join("|", p.TokenizedPrompt), string.Join("|", p.Tokens.Select(t => $"{t.Token}={t.Activation:R}")))),
                actual[i].TopPrompts.Select(p => (p.PromptId, p.Label, p.Activation, p.Text, p.Line, p.Index, p.Source, string.Join("|", p.TokenizedPrompt), string.Join("|", p.Tokens.Select(t => $"{t.Token}={t.Activation:R}")))));
            Assert.Equal(expected[i].ActivationsByLabel.OrderBy(p => p.Key, StringComparer.Ordinal), actual[i].ActivationsByLabel.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_same_input_in_two_partials_is_refused_rather_than_counted_twice()
    {
        var shards = ShardedSet(43);
        var error = Assert.Throws<ReportInputException>(() => PartialAggregateReader.Read([WritePartial(shards[..2]), WritePartial(shards[1..])]));

        Assert.Equal(DiagnosticCodes.UnreadablePartial, error.Diagnostic.Code);
        Assert.Contains(Path.GetFullPath(shards[1]), error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("version")]
    [InlineData("not-a-partial")]
    [InlineData("damaged-line")]
    public void A_partial_that_does_not_read_is_a_located_error(string damage)
    {
        var shards = ShardedSet(44);
        var partial = WritePartial(shards);
        var lines = ReadLines(partial);
        (string[] Lines, long Line, string Says) broken = damage switch
        {
            "cut" => (lines[..(lines.Length / 2)], lines.Length / 2, "cut short"),
            "version" => ([lines[0].Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal), .. lines[1..]], 1, "version 2"),
            "not-a-partial" => (["{\"feature_id\":1}", .. lines[1..]], 1, "reports aggregate"),
            _ => ([.. lines[..3], lines[3][..(lines[3].Length / 2)], .. lines[4..]], 4, "not JSON"),
        };
        WriteLines(partial, broken.Lines);

        var error = Assert.Throws<ReportInputException>(() => PartialAggregateReader.Read([partial]));

        Assert.Equal(DiagnosticCodes.UnreadablePartial, error.Diagnostic.Code);
        Assert.Equal((partial, broken.Line), (error.Diagnostic.File, error.Diagnostic.Line));
        Assert.Contains(broken.Says, error.Diagnostic.Message, StringComparison.Ordinal);
    }

    private static string[] ReadLines(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return reader.ReadToEnd().TrimEnd('\n').Split('\n');
    }

    private static void WriteLines(string path, IEnumerable<string> lines)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
    }
}
