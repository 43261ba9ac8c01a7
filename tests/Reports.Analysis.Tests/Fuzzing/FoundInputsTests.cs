using System.Text;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// Prompts files the fuzz targets found failing, shrunk by hand, kept under the same property so that they are checked
/// on every run whatever the seeds.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class FoundInputsTests
{
    private const string Record = "{\"feature_id\":1,\"token\":\"t\",\"source\":\"s\",\"active_prompts\":[";

    public static TheoryData<string, string, int> PromptsFiles() => new()
    {
        // Nested as deep as the generated reader's limit (64, the line's object included): the scanner took such lines,
        // the generated reader rejected them, and the read-back of a prompt holding one threw JsonReaderException.
        { "an unknown field nested 64 deep in the record", Record + "],\"x\":" + Nested(64) + "}\n", 64 },
        { "an unknown field nested 62 deep in a prompt", Record + Prompt(1, "p", 1, ",\"x\":" + Nested(62)) + "]}\n", 64 },
        { "an unknown field nested 64 deep in a prompt", Record + Prompt(1, "p", 1, ",\"x\":" + Nested(64)) + "]}\n", 64 },

        // Two prompts of one line alike in activation and id, and the feature again on a line in another chunk: the
        // strongest prompts must come in the same order on both paths.
        { "strongest prompts tied in activation, id and line", Record + Prompt(2, "a", 1) + "]}\n" + Record + Prompt(1, "b", 2) + "," + Prompt(1, "c", 2) + "," + Prompt(2, "d", 2) + "]}\n", 150 },
    };

    [Theory]
    [MemberData(nameof(PromptsFiles))]
    public void A_found_prompts_file_gives_the_same_aggregate_or_the_same_located_error_on_both_paths(string finding, string text, int chunkSize)
    {
        Assert.NotEmpty(finding);
        PromptsFileFuzzTests.BothPathsAgree(new FuzzedPromptsFile(Encoding.UTF8.GetBytes(text), chunkSize));
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string Prompt(long id, string text, double activation, string extra = "") =>
        $"{{\"prompt_id\":{id},\"prompt_text\":\"{text}\",\"prompt_label\":\"l\",\"prompt_feature_activation\":{activation},\"tokenized_prompt\":[]{extra}}}";
}
