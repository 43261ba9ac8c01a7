using System.Text;
using Reports.Analysis.Reading;
using Reports.Schema;

namespace Reports.Analysis.Tests;

/// <summary>
/// The strongest prompts' read-back (<see cref="PendingPrompts"/>) is the generated reader's parse of one prompt: a
/// prompts file changed after the scan fails as the generated reader fails on the line as it is now.
/// </summary>
public sealed class PendingPromptsTests
{
    // Characters of two UTF-16 units and of several UTF-8 bytes before the prompts: columns count characters.
    private const string Line2 = """{"feature_id":7,"token":"▁Ελλάδα 😀","source":"s","active_prompts":[{"prompt_id":1,"prompt_text":"ü 😀","prompt_label":"a","prompt_feature_activation":2.5,"tokenized_prompt":["▁ü"],"tokens":[{"token":"▁ü","activation":2.5}]},{"prompt_id":2,"prompt_text":"b","prompt_label":"b","prompt_feature_activation":1.25,"tokenized_prompt":["▁b"],"tokens":[{"token":"▁b","activation":1.25}]}]}""";

    private const string Line1 = """{"feature_id":3,"token":"x","source":"s","active_prompts":[]}""";

    [Fact]
    public void Prompts_read_back_are_the_generated_readers()
    {
        var path = Write(Line1 + "\n" + Line2 + "\n");

        var prompts = PendingPrompts.Complete(path, Strongest(path));

        Assert.Equal(["ü 😀", "b"], prompts.Select(p => p.Text));
        Assert.Equal(["▁ü", "▁b"], prompts.SelectMany(p => p.TokenizedPrompt));
        Assert.Equal([("▁ü", 2.5), ("▁b", 1.25)], prompts.SelectMany(p => p.Tokens.Select(t => (t.Token, t.Activation))));
        Assert.All(prompts, p => Assert.Null(p.Pending));
    }

    [Theory]
    [InlineData("\"prompt_feature_activation\":1.25", "\"prompt_feature_activation\":\"1.\"", Line1 + "\n")]
    [InlineData("\"tokenized_prompt\":[\"▁b\"]", "\"tokenized_prompt\":[true,1]", Line1 + "\n")]
    [InlineData("\"activation\":1.25}", "\"activation\":NaN0}", Line1 + "\n")]
    [InlineData("\"prompt_feature_activation\":1.25", "\"prompt_feature_activation\":\"1.\"", "\uFEFF")]
    public void A_prompt_changed_since_the_scan_fails_where_the_generated_reader_fails(string before, string after, string head)
    {
        // The prompt's line after another, or first after a byte order mark (which columns do not count).
        var path = Write(head + Line2 + "\n");
        var strongest = Strongest(path);

        // The same length, so the prompt is still where the scan left it.
        Assert.Equal(Encoding.UTF8.GetByteCount(before), Encoding.UTF8.GetByteCount(after));
        File.WriteAllText(path, head + Line2.Replace(before, after, StringComparison.Ordinal) + "\n");
        var expected = Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.AggregatePromptsSerially(path, topPromptCount: 5));

        var error = Assert.Throws<SchemaDataException>(() => PendingPrompts.Complete(path, strongest));

        Assert.Equal((expected.Kind, expected.FilePath, expected.Line, expected.Column, expected.Field, expected.Message),
            (error.Kind, error.FilePath, error.Line, error.Column, error.Field, error.Message));
    }

    [Fact]
    public void A_prompt_replaced_by_another_since_the_scan_is_said_to_have_moved()
    {
        var path = Write(Line1 + "\n" + Line2 + "\n");
        var strongest = Strongest(path);
        File.WriteAllText(path, Line1 + "\n" + Line2.Replace("\"prompt_id\":2,", "\"prompt_id\":9,", StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<IOException>(() => PendingPrompts.Complete(path, strongest));

        Assert.Contains("prompt 2 is no longer where it was read", error.Message, StringComparison.Ordinal);
    }

    private static string Write(string text)
    {
        var path = Path.Combine(TestData.NewTemporaryDirectory(), "prompts.jsonl");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Feature 7's strongest prompts as the fast reader keeps them: their places only.</summary>
    private static IReadOnlyList<Evidence.TopPrompt> Strongest(string path)
    {
        var strongest = ParallelPromptReader.Aggregate(path, topPromptCount: 5).Evidence[7].TopPrompts.Strongest();
        Assert.Equal(2, strongest.Count);
        Assert.All(strongest, p => Assert.NotNull(p.Pending));
        return strongest;
    }
}
