using System.Text;

namespace Reports.Schema.Tests;

/// <summary>Every kind of bad data gives the kind, line, column and field of the problem.</summary>
public sealed class ReaderErrorTests
{
    private static readonly System.Reflection.Assembly Assembly = GeneratorRun.Run(Samples.Rows, Samples.Records).Load();

    [Theory]
    [InlineData("feature_id,mean,label,note\n1,x,a,b\n", "TypeMismatch", 2, 3, "mean")]
    [InlineData("feature_id,mean,label,note\n1,1,a,b\n2.5,1,a,b\n", "TypeMismatch", 3, 1, "feature_id")]
    [InlineData("feature_id,mean,label,note\n1,NaN,a,b\n", "NonFiniteNumber", 2, 3, "mean")]
    [InlineData("feature_id,mean,label,note\n1,-inf,a,b\n", "NonFiniteNumber", 2, 3, "mean")]
    [InlineData("feature_id,mean,label,note\n1,,a,b\n", "TypeMismatch", 2, 3, "mean")]
    [InlineData("feature_id,label,note\n1,a,b\n", "MissingColumn", 1, 1, "mean")]
    [InlineData("feature_id,mean,label,note\n1,2,\"ab\"c,d\n", "MalformedCsv", 2, 9, null)]
    [InlineData("feature_id,mean,label,note\n1,2,a,b\n3,4,\"open,d\n", "MalformedCsv", 3, 5, null)]
    [InlineData("feature_id,mean,label,note\n1,2,a\n", "WrongFieldCount", 2, 1, null)]
    [InlineData("feature_id,mean,label,note,mean\n", "DuplicateColumn", 1, 28, "mean")]
    [InlineData("feature_id,mean,label,note\r1,2,a,b\r3,4,c,d\r", "MalformedCsv", 1, 23, "note")]
    [InlineData("", "EmptyFile", 1, 1, null)]
    public void Csv_errors_are_located(string data, string kind, long line, long column, string? field)
    {
        AssertError(GeneratedReader.Error(Assembly, "RowCsvReader", data), kind, line, column, field);
    }

    [Theory]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"active_prompts\": []}\n{\"feature_id\": 2, \"token\": \"x\" \"active_prompts\": []}\n", "MalformedJson", 2, 32, null)]
    [InlineData("{\"feature_id\": \"seven\", \"token\": \"x\", \"active_prompts\": []}\n", "TypeMismatch", 1, 16, "feature_id")]
    [InlineData("{\"feature_id\": 1.5, \"token\": \"x\", \"active_prompts\": []}\n", "TypeMismatch", 1, 16, "feature_id")]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"active_prompts\": [{\"prompt_id\": 1, \"prompt_label\": \"a\", \"prompt_feature_activation\": NaN, \"tokenized_prompt\": [], \"tokens\": []}]}\n", "NonFiniteNumber", 1, 119, "prompt_feature_activation")]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"active_prompts\": [{\"prompt_id\": 1, \"prompt_label\": \"a\", \"prompt_feature_activation\": -Infinity, \"tokenized_prompt\": [], \"tokens\": []}]}\n", "NonFiniteNumber", 1, 119, "prompt_feature_activation")]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"active_prompts\": [{\"prompt_id\": 1, \"prompt_label\": \"a\", \"prompt_feature_activation\": \"high\", \"tokenized_prompt\": [], \"tokens\": []}]}\n", "TypeMismatch", 1, 119, "active_prompts[0].prompt_feature_activation")]
    [InlineData("{\"feature_id\": 1, \"active_prompts\": []}\n", "MissingField", 1, 1, "token")]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"active_prompts\": [{\"prompt_id\": 1, \"prompt_label\": \"a\", \"tokenized_prompt\": [], \"tokens\": []}]}\n", "MissingField", 1, 52, "active_prompts[0].prompt_feature_activation")]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"feature_id\": 2, \"active_prompts\": []}\n", "DuplicateField", 1, 33, "feature_id")]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"active_prompts\": [{\"prompt_id\": 1, \"prompt_id\": 2, \"prompt_label\": \"a\", \"prompt_feature_activation\": 1, \"tokenized_prompt\": [], \"tokens\": []}]}\n", "DuplicateField", 1, 69, "active_prompts[0].prompt_id")]
    [InlineData("{\"feature_id\": 1, \"token\": \"x\", \"active_prompts\": [{\"prompt_id\": 1, \"prompt_label\": \"a\", \"prompt_feature_activation\": 1, \"tokenized_prompt\": [], \"tokens\": [{\"token\": \"t\", \"activation\": 1, \"activation\": 2}]}]}\n", "DuplicateField", 1, 189, "active_prompts[0].tokens[0].activation")]
    [InlineData("\n  \n", "EmptyFile", 1, 1, null)]
    public void Jsonl_errors_are_located(string data, string kind, long line, long column, string? field)
    {
        AssertError(GeneratedReader.Error(Assembly, "RecordJsonlReader", data), kind, line, column, field);
    }

    [Fact]
    public void A_file_of_only_a_byte_order_mark_says_so()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF, (byte)'\n'];
        Assert.Equal("only a byte order mark (and blank lines, if any)", (string)GeneratedReader.Error(Assembly, "RecordJsonlReader", bom).Found);
        Assert.Equal("only a byte order mark (and blank lines, if any)", (string)GeneratedReader.Error(Assembly, "RowCsvReader", bom).Found);
        Assert.Equal("an empty file", (string)GeneratedReader.Error(Assembly, "RecordJsonlReader", "").Found);
    }

    [Fact]
    public void A_byte_that_is_no_character_is_named_by_its_value()
    {
        // A control byte in JSON is malformed JSON; a byte UTF-8 has no character for is the file's encoding, wherever
        // it stands (a skipped field too), and is named by its value rather than decoded as Latin-1.
        byte[] control = [.. "{\"feature_id\": 5"u8, 0x01, .. "}\n"u8];
        Assert.Equal("the byte 0x01", (string)GeneratedReader.Error(Assembly, "RecordJsonlReader", control).Found);
        byte[] latin1 = [.. "{\"feature_id\": 5, \"extra\": [\""u8, 0xFF, .. "\"], \"token\": \"x\", \"active_prompts\": []}\n"u8];
        var error = GeneratedReader.Error(Assembly, "RecordJsonlReader", latin1);
        AssertError(error, "UnsupportedEncoding", 1, 30, null);
        Assert.StartsWith("the byte 0xFF, where UTF-8 has no character", (string)error.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var data = "{\"token\": \"Ελληνικά\", \"feature_id\": \"x\", \"active_prompts\": []}\n";

        var error = GeneratedReader.Error(Assembly, "RecordJsonlReader", data);

        Assert.Equal(data.IndexOf("\"x\"", StringComparison.Ordinal) + 1, (long)error.Column);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, "UTF-16 (little endian)")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, "UTF-16 (big endian)")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0 }, "UTF-32 (little endian)")]
    public void Utf16_and_utf32_files_are_refused_at_the_start(byte[] data, string encoding)
    {
        var error = GeneratedReader.Error(Assembly, "RecordJsonlReader", data);

        AssertError(error, "UnsupportedEncoding", 1, 1, null);
        Assert.Contains(encoding, (string)error.Message);
    }

    [Fact]
    public void Invalid_utf8_in_a_csv_field_is_located()
    {
        var data = Encoding.UTF8.GetBytes("feature_id,mean,label,note\n1,2,a,").Concat(new byte[] { 0xC3, 0x28 }).Append((byte)'\n').ToArray();

        AssertError(GeneratedReader.Error(Assembly, "RowCsvReader", data), "UnsupportedEncoding", 2, 7, null);
    }

    private static void AssertError(dynamic error, string kind, long line, long column, string? field)
    {
        Assert.Equal(kind, ((object)error.Kind).ToString());
        Assert.Equal(line, (long)error.Line);
        Assert.Equal(column, (long)error.Column);
        Assert.Equal(field, (string?)error.Field);
        Assert.Equal("data.file", (string)error.FilePath);
        Assert.Contains("expected", (string)error.Message, StringComparison.Ordinal);
    }
}
