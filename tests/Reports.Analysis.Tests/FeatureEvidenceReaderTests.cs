using System.Text;
using Reports.Analysis.Reading;
using Reports.Schema;

namespace Reports.Analysis.Tests;

/// <summary>
/// A feature's evidence read back (<see cref="FeatureEvidenceReader"/>) from the places the aggregation kept is what the
/// generated reader gives reading the whole file; a prompts file changed after the read fails as the generated reader
/// fails on the line as it is now, or with an error that says the file changed.
/// </summary>
public sealed class FeatureEvidenceReaderTests
{
    // Characters of two UTF-16 units and of several UTF-8 bytes before the prompts: columns count characters.
    private const string Line2 = """{"feature_id":7,"token":"▁Ελλάδα 😀","source":"s","active_prompts":[{"prompt_id":1,"prompt_text":"ü 😀","prompt_label":"a","prompt_feature_activation":2.5,"tokenized_prompt":["▁ü"],"tokens":[{"token":"▁ü","activation":2.5}]},{"prompt_id":2,"prompt_text":"b","prompt_label":"b","prompt_feature_activation":1.25,"tokenized_prompt":["▁b"],"tokens":[{"token":"▁b","activation":1.25}]}]}""";

    private const string Line1 = """{"feature_id":3,"token":"x","source":"s","active_prompts":[]}""";

    [Fact]
    public void Prompts_read_back_are_the_generated_readers()
    {
        var path = Write(Line1 + "\n" + Line2 + "\n");

        var evidence = FeatureEvidenceReader.Read(path, 7, ParallelPromptReader.Aggregate(path).Features[7].Records, 5);

        Assert.Equal(["ü 😀", "b"], evidence.TopPrompts.Select(p => p.Text));
        Assert.Equal(["▁ü", "▁b"], evidence.TopPrompts.SelectMany(p => p.TokenizedPrompt));
        Assert.Equal([("▁ü", 2.5), ("▁b", 1.25)], evidence.TopPrompts.SelectMany(p => p.Tokens.Select(t => (t.Token, t.Activation))));
        Assert.Equal([2.5], evidence.ActivationsByLabel["a"]);
        Assert.Equal([1.25], evidence.ActivationsByLabel["b"]);
    }

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\r\n", true)]
    [InlineData("\n", true)]
    public void A_feature_with_two_records_far_apart_reads_back_as_the_whole_file_reads_with_ties_in_file_order(string lineEnd, bool byteOrderMark)
    {
        // Feature 7's records at the start and the end of a file of many chunks, with the same activation four times:
        // ties go by prompt id, then line, then place in the line (prompt 5 twice in one record, and again in the other).
        string Prompt(long id, double activation) => $$"""{"prompt_id":{{id}},"prompt_text":"t{{id}}","prompt_label":"{{(id % 2 == 0 ? "even" : "odd")}}","prompt_feature_activation":{{activation.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"tokenized_prompt":["▁t"],"tokens":[{"token":"▁t{{id}}","activation":{{activation.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]}""";
        string Record(long feature, params string[] prompts) => $$"""{"feature_id":{{feature}},"token":"x","source":"s","active_prompts":[{{string.Join(",", prompts)}}]}""";
        var lines = new List<string> { Record(3), Record(7, Prompt(9, 4.0), Prompt(5, 4.0), Prompt(5, 4.0), Prompt(1, 0.5)) };
        lines.AddRange(Enumerable.Range(100, 400).Select(f => Record(f, Prompt(f, f / 100.0), Prompt(f + 1, 1.0))));
        lines.Add(Record(7, Prompt(5, 4.0), Prompt(2, 3.0), Prompt(8, 9.5)));
        var path = Write((byteOrderMark ? "\uFEFF" : "") + string.Join(lineEnd, lines) + lineEnd);

        var aggregate = ParallelPromptReader.Aggregate(path, new AnalysisOptions { ChunkSize = 1 << 10 });
        var serial = ActivationAnalyzer.AggregatePromptsSerially(path);
        var evidence = FeatureEvidenceReader.Read(path, 7, aggregate.Features[7].Records, 5);

        Assert.Equal([2L, 403L], aggregate.Features[7].Records.Select(r => r.Line));
        Assert.Equal(serial.Features[7].Records, aggregate.Features[7].Records);
        Assert.Equal([(8L, 403L, 2), (5L, 2L, 1), (5L, 2L, 2), (5L, 403L, 0), (9L, 2L, 0)], evidence.TopPrompts.Select(p => (p.PromptId, p.Line, p.Index)));
        Assert.Equal([4.0, 4.0, 4.0, 0.5, 4.0], evidence.ActivationsByLabel["odd"]);
        Assert.Equal([3.0, 9.5], evidence.ActivationsByLabel["even"]);
        var (prompts, _) = ExpectedEvidence.Of(path, 5)[7];
        ExpectedEvidence.AssertSame(prompts, evidence.TopPrompts);
        ExpectedEvidence.AssertReadBack(path, aggregate, topPromptCount: 3);
    }

    [Theory]
    [InlineData("\"prompt_feature_activation\":1.25", "\"prompt_feature_activation\":\"1.\"", Line1 + "\n")]
    [InlineData("\"tokenized_prompt\":[\"▁b\"]", "\"tokenized_prompt\":[true,1]", Line1 + "\n")]
    [InlineData("\"activation\":1.25}", "\"activation\":NaN0}", Line1 + "\n")]
    [InlineData("\"prompt_feature_activation\":1.25", "\"prompt_feature_activation\":\"1.\"", "\uFEFF")]
    public void A_record_changed_since_the_read_fails_where_the_generated_reader_fails(string before, string after, string head)
    {
        // The record's line after another, or first after a byte order mark (which columns do not count).
        var path = Write(head + Line2 + "\n");
        var records = ParallelPromptReader.Aggregate(path).Features[7].Records;

        // The same length, so the record is still where the read left it.
        Assert.Equal(Encoding.UTF8.GetByteCount(before), Encoding.UTF8.GetByteCount(after));
        File.WriteAllText(path, head + Line2.Replace(before, after, StringComparison.Ordinal) + "\n");
        var expected = Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.AggregatePromptsSerially(path));

        var error = Assert.Throws<SchemaDataException>(() => FeatureEvidenceReader.Read(path, 7, records, 5));

        Assert.Equal((expected.Kind, expected.FilePath, expected.Line, expected.Column, expected.Field, expected.Message),
            (error.Kind, error.FilePath, error.Line, error.Column, error.Field, error.Message));
    }

    [Theory]
    [InlineData("\"feature_id\":7,", "\"feature_id\":8,")]
    [InlineData(Line2, Line1)]
    public void A_record_replaced_or_cut_since_the_read_is_said_to_have_changed(string before, string after)
    {
        var path = Write(Line1 + "\n" + Line2 + "\n");
        var records = ParallelPromptReader.Aggregate(path).Features[7].Records;
        File.WriteAllText(path, Line1 + "\n" + Line2.Replace(before, after, StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<InputChangedException>(() => FeatureEvidenceReader.Read(path, 7, records, 5));

        Assert.Contains(path + " changed while the report was built: the record of feature 7 at line 2 is no longer where it was read", error.Message, StringComparison.Ordinal);
        Assert.Equal((path, 2L), (error.FilePath, error.Line));
        Assert.Equal((Diagnostics.DiagnosticCodes.InputChanged, path, 2L), (error.Diagnostic.Code, error.Diagnostic.File, error.Diagnostic.Line));
    }

    private static string Write(string text)
    {
        var path = Path.Combine(TestData.NewTemporaryDirectory(), "prompts.jsonl");
        File.WriteAllText(path, text);
        return path;
    }
}
