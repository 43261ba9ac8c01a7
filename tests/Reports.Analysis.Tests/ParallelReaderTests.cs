using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;
using Reports.DataGen;
using Reports.Schema;

namespace Reports.Analysis.Tests;

/// <summary>The parallel, projecting reader against the straightforward one (the generated reader, record by record).</summary>
public sealed class ParallelReaderTests
{
    [Theory]
    [InlineData(1 << 12)]
    [InlineData(1 << 16)]
    [InlineData(ParallelPromptReader.ChunkSize)]
    public void Split_into_chunks_it_gives_what_the_straightforward_reader_gives(int chunkSize)
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 300, PromptsPerFeature = 30, TokensPerPrompt = 20, Seed = 21 }, TestData.NewTemporaryDirectory());
        // Lines the fast path declines must come out the same through the generated reader: a tab between tokens,
        // an escaped label, a CRLF line end, a blank line.
        var lines = File.ReadAllLines(files.PromptsPath).ToList();
        lines[10] = lines[10].Replace("\"prompt_label\":", "\t\"prompt_label\":", StringComparison.Ordinal);
        lines[20] = lines[20].Replace("\"prompt_label\":\"analysis\"", "\"prompt_label\":\"an\\u0061lysis\"", StringComparison.Ordinal);
        lines[30] += "\r";
        // A field the sample lacks after a prompt's tokens: the sample-order path has read the tokens when it finds
        // the surprise, and the by-name path must read the prompt again without counting them twice.
        var tokensEnd = lines[50].IndexOf("}]},{\"prompt_id\"", StringComparison.Ordinal);
        Assert.True(tokensEnd > 0);
        lines[50] = lines[50].Insert(tokensEnd + 2, ",\"extra\":[1,{\"a\":null}]");
        // The fields of every prompt in another order.
        lines[60] = lines[60].Replace("{\"prompt_id\":", "{\"prompt_label\":\"code\",\"prompt_id\":", StringComparison.Ordinal)
            .Replace(",\"prompt_label\":\"", ",\"label_was\":\"", StringComparison.Ordinal);
        lines.Insert(40, "   ");
        File.WriteAllLines(files.PromptsPath, lines);

        var expected = ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath);
        var actual = ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = chunkSize });

        AggregateAssert.Same(expected, actual, files.PromptsPath, topPromptCount: 4);
    }

    [Fact]
    public void Token_lists_with_brackets_commas_quotes_and_long_tokens_in_their_strings_read_as_the_generated_reader_reads_them()
    {
        // The vectorised skipping of tokenized_prompt tells strings from structure by the parity of quotes: tokens that
        // are themselves "," "]" "[" or "", escaped quotes, and tokens longer than a 32-byte block must not fool it.
        var files = DataSetWriter.Write(new DataSetOptions { Features = 120, PromptsPerFeature = 12, TokensPerPrompt = 30, Seed = 25 }, TestData.NewTemporaryDirectory());
        string[][] lists =
        [
            [",", "]", "[", "", "\",\"", "▁a"],
            ["▁" + new string('x', 70), "]", ",", "▁" + new string('y', 33)],
            ["say \"hi\"", "back\\slash", "]]", ",,", "\"]"],
            [],
        ];
        var options = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var lines = File.ReadAllLines(files.PromptsPath).Select((line, n) =>
        {
            var record = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            var prompts = record["active_prompts"]!.AsArray();
            for (var p = 0; p < prompts.Count; p += 3)
            {
                prompts[p]!["tokenized_prompt"] = new System.Text.Json.Nodes.JsonArray([.. lists[(n + p) % lists.Length].Select(t => (System.Text.Json.Nodes.JsonNode)t!)]);
            }

            return record.ToJsonString(options);
        }).ToArray();
        // Spaces between the items: valid JSON that the vectorised path leaves to the byte-by-byte one.
        lines[5] = lines[5].Replace("\"tokenized_prompt\":[\"", "\"tokenized_prompt\":[ \"spaced\" , \"", StringComparison.Ordinal);
        File.WriteAllLines(files.PromptsPath, lines);

        var expected = ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath);
        var actual = ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 1 << 13 });

        AggregateAssert.Same(expected, actual, files.PromptsPath, topPromptCount: 12);
    }

    [Theory]
    [InlineData("\"tokenized_prompt\":[\"", "\"tokenized_prompt\":[\"a\"\"")]
    [InlineData("\"tokenized_prompt\":[\"", "\"tokenized_prompt\":[\"a\",,\"")]
    [InlineData("\"tokenized_prompt\":[", "\"tokenized_prompt\":[\"a\",]")]
    [InlineData("\"prompt_feature_activation\":", "\"prompt_feature_activation\":\"high\",\"x\":")]
    [InlineData("\"prompt_label\":", "\"prompt_label\":17,\"y\":")]
    [InlineData("\"tokenized_prompt\":[", "\"tokenized_prompt\":[3,")]
    [InlineData("\"active_prompts\":[", "\"active_prompts\":[{,")]
    [InlineData("\"feature_id\":", "\"feature_id\":1.5,\"z\":")]
    public void A_bad_line_deep_in_the_file_is_located_as_the_straightforward_reader_locates_it(string find, string replace)
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 200, PromptsPerFeature = 20, TokensPerPrompt = 12, Seed = 22 }, TestData.NewTemporaryDirectory());
        var lines = File.ReadAllLines(files.PromptsPath);
        var bad = 157;
        var at = lines[bad - 1].IndexOf(find, StringComparison.Ordinal);
        lines[bad - 1] = lines[bad - 1][..at] + replace + lines[bad - 1][(at + find.Length)..];
        File.WriteAllLines(files.PromptsPath, lines);

        var expected = Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath));
        var actual = Assert.Throws<SchemaDataException>(() => ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 1 << 12 }));

        Assert.Equal(bad, expected.Line);
        Assert.Equal((expected.Kind, expected.FilePath, expected.Line, expected.Column, expected.Field, expected.Expected, expected.Found),
            (actual.Kind, actual.FilePath, actual.Line, actual.Column, actual.Field, actual.Expected, actual.Found));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_a_located_error_not_a_crash()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 200, PromptsPerFeature = 20, TokensPerPrompt = 12, Seed = 23 }, TestData.NewTemporaryDirectory());
        var lines = File.ReadAllBytes(files.PromptsPath).AsSpan().ToArray();
        // Two bytes that can never be UTF-8, inside the prompt text of line 120.
        var lineStart = 0;
        for (var line = 1; line < 120; line++)
        {
            lineStart = Array.IndexOf(lines, (byte)'\n', lineStart) + 1;
        }

        var text = lineStart + System.Text.Encoding.ASCII.GetString(lines, lineStart, 4000).IndexOf("\"prompt_text\":\"", StringComparison.Ordinal) + 15;
        lines[text] = 0xFF;
        lines[text + 1] = 0xFE;
        File.WriteAllBytes(files.PromptsPath, lines);

        var expected = Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath));
        var actual = Assert.Throws<SchemaDataException>(() => ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 1 << 12 }));

        Assert.Equal((SchemaErrorKind.UnsupportedEncoding, 120L), (expected.Kind, expected.Line));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(lines, lineStart, text - lineStart).Length + 1, expected.Column);
        Assert.Equal((expected.Kind, expected.Line, expected.Column), (actual.Kind, actual.Line, actual.Column));
    }

    [Fact]
    public void Reading_reports_its_progress_up_to_the_whole_file()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 400, PromptsPerFeature = 60, TokensPerPrompt = 24, Seed = 24 }, TestData.NewTemporaryDirectory());
        var progress = new CollectedProgress();

        ActivationAnalyzer.AggregatePrompts(files.PromptsPath, new AnalysisOptions { BytesRead = progress });

        var length = new FileInfo(files.PromptsPath).Length;
        var reports = progress.Reports.ToArray();
        Assert.True(reports.Length > 1, $"{reports.Length} progress reports for {length} bytes");
        Assert.All(reports, r => Assert.InRange(r, 0, length));
        Assert.Equal(length, reports.Max());
    }

    /// <summary>Keeps every report, from whichever reading thread (System.Progress would post them to the thread pool).</summary>
    private sealed class CollectedProgress : IProgress<long>
    {
        public System.Collections.Concurrent.ConcurrentQueue<long> Reports { get; } = new();

        public void Report(long value) => Reports.Enqueue(value);
    }
}
