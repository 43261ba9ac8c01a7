using System.Text;

namespace Reports.Schema.Tests;

public sealed class ReaderTests
{
    private static readonly System.Reflection.Assembly Assembly = GeneratorRun.Run(Samples.Rows, Samples.Records).Load();

    [Fact]
    public void Csv_reader_handles_rfc4180_quoting_unicode_crlf_and_a_byte_order_mark()
    {
        var data = "\uFEFFnote,feature_id,label,mean,unused\r\n"
            + "\"has, comma and \"\"quotes\"\"\",7,therapy,2.5,x\r\n"
            + "\"two\r\nlines – Zoë, Ελληνικά\",8,code,-1e-3,y\r\n"
            + ",9,math,3,z\r\n";

        var rows = GeneratedReader.ReadAll(Assembly, "RowCsvReader", data);

        Assert.Equal(3, rows.Count);
        Assert.Equal("has, comma and \"quotes\"", (string)rows[0].Note);
        Assert.Equal(7L, (long)rows[0].FeatureId);
        Assert.Equal(2.5, (double)rows[0].Mean);
        Assert.Equal("two\r\nlines – Zoë, Ελληνικά", (string)rows[1].Note);
        Assert.Equal(-0.001, (double)rows[1].Mean);
        Assert.Null((string?)rows[2].Note);
        Assert.Equal("math", (string)rows[2].Label);
    }

    [Fact]
    public void Csv_reader_gives_the_line_each_record_starts_on()
    {
        var type = Assembly.GetType("Samples.RowCsvReader")!;
        var data = "feature_id,mean,label,note\n1,1,a,\"x\ny\"\n\n2,2,b,z\n";
        using var reader = (IDisposable)Activator.CreateInstance(type, new MemoryStream(Encoding.UTF8.GetBytes(data)), "f.csv")!;
        var lines = new List<long>();
        var arguments = new object?[] { null };
        while ((bool)type.GetMethod("TryRead")!.Invoke(reader, arguments)!)
        {
            lines.Add((long)type.GetProperty("RecordLine")!.GetValue(reader)!);
        }

        Assert.Equal([2L, 5L], lines);
    }

    [Fact]
    public void Jsonl_reader_reads_nested_records_skips_unknown_fields_and_blank_lines()
    {
        var data = "{\"feature_id\": 3, \"extra\": {\"deep\": [1, {\"x\": null}]}, \"token\": \"▁stress\", \"active_prompts\": [{\"prompt_id\": 1, \"prompt_label\": \"therapy\", \"prompt_feature_activation\": 2, \"tokenized_prompt\": [\"▁I\", \"▁feel\"], \"tokens\": []}]}\r\n"
            + "\n"
            + "{\"token\": \"t\", \"feature_id\": 4, \"active_prompts\": []}\n";

        var records = GeneratedReader.ReadAll(Assembly, "RecordJsonlReader", data);

        Assert.Equal(2, records.Count);
        Assert.Equal(3L, (long)records[0].FeatureId);
        Assert.Equal("▁stress", (string)records[0].Token);
        var prompt = records[0].ActivePrompts[0];
        Assert.Equal(2.0, (double)prompt.PromptFeatureActivation);
        Assert.Equal("▁feel", (string)prompt.TokenizedPrompt[1]);
        Assert.Equal(4L, (long)records[1].FeatureId);
    }

    [Fact]
    public void Jsonl_reader_reads_a_lone_surrogate_escape_as_a_replacement_character_and_counts_it()
    {
        // JSON allows "\uD800"; it is no character, and System.Text.Json throws on it. A name with one is no field of the sample's;
        // the first is at column 28, the opening quote of the token.
        var data = "{\"feature_id\": 3, \"token\": \"a\\ud800b\", \"active_prompts\": [{\"\\udfaa\": 1, \"prompt_id\": 1, \"prompt_label\": \"\\ud83d\\ude00\\udc00\", \"prompt_feature_activation\": 2, \"tokenized_prompt\": [], \"tokens\": []}]}\n";
        var type = Assembly.GetType("Samples.RecordJsonlReader", throwOnError: true)!;
        using var reader = (IDisposable)Activator.CreateInstance(type, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)), "data.file")!;
        var arguments = new object?[] { null };

        Assert.True((bool)type.GetMethod("TryRead")!.Invoke(reader, arguments)!);
        dynamic record = arguments[0]!;
        Assert.Equal("a\uFFFDb", (string)record.Token);
        Assert.Equal("\U0001F600\uFFFD", (string)record.ActivePrompts[0].PromptLabel);
        Assert.Equal(3L, (long)type.GetProperty("ReplacedSurrogates")!.GetValue(reader)!);
        Assert.Equal((1L, 28L), ((long)type.GetProperty("FirstReplacedLine")!.GetValue(reader)!, (long)type.GetProperty("FirstReplacedColumn")!.GetValue(reader)!));
    }

    [Fact]
    public void Jsonl_reader_streams_lines_of_several_megabytes()
    {
        var prompt = "{\"prompt_id\": 1, \"prompt_label\": \"code\", \"prompt_feature_activation\": 0.25, \"tokenized_prompt\": [\"▁a\"], \"tokens\": [{\"token\": \"▁a\", \"activation\": 0.25}]}";
        var line = "{\"feature_id\": 5, \"token\": \"x\", \"active_prompts\": [" + string.Join(',', Enumerable.Repeat(prompt, 40_000)) + "]}";
        Assert.True(line.Length > 5_000_000);

        var records = GeneratedReader.ReadAll(Assembly, "RecordJsonlReader", line + "\n" + line);

        Assert.Equal(2, records.Count);
        Assert.Equal(40_000, (int)records[1].ActivePrompts.Count);
    }
}
