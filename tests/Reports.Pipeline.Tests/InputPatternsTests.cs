namespace Reports.Pipeline.Tests;

/// <summary>The prompts inputs' patterns, as the command expands them: against real folders.</summary>
public sealed class InputPatternsTests
{
    private static string Tree()
    {
        var root = TestData.NewTemporaryDirectory();
        foreach (var file in new[] { "a/p-0.jsonl", "a/p-1.jsonl.gz", "a/p-2.jsonl.zst", "a/q-1.jsonl", "a/deep/p-9.jsonl", "a/deep/er/p-8.jsonl", "runs [old]/p.jsonl" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
            File.WriteAllText(Path.Combine(root, file), "");
        }

        return root;
    }

    [Theory]
    [InlineData("a/p-*", "a/p-0.jsonl,a/p-1.jsonl.gz,a/p-2.jsonl.zst")]
    [InlineData("a/?-1.*", "a/p-1.jsonl.gz,a/q-1.jsonl")]
    [InlineData("a/p-[01]*", "a/p-0.jsonl,a/p-1.jsonl.gz")]
    [InlineData("a/p-[!0]*", "a/p-1.jsonl.gz,a/p-2.jsonl.zst")]
    [InlineData("a/p-[0-1].*", "a/p-0.jsonl,a/p-1.jsonl.gz")]
    [InlineData("a/**/p-*.jsonl", "a/deep/er/p-8.jsonl,a/deep/p-9.jsonl,a/p-0.jsonl")]
    [InlineData("runs [old]/p.jsonl", "runs [old]/p.jsonl")]
    public void A_pattern_gives_the_files_it_matches_sorted_as_full_paths(string pattern, string expected)
    {
        var root = Tree();

        var files = InputPatterns.Expand([pattern], root, out var unmatched);

        Assert.Empty(unmatched);
        Assert.Equal(expected.Split(',').Select(f => Path.Combine(root, f)), files);
    }

    [Fact]
    public void Files_named_twice_are_read_once_and_a_pattern_without_a_match_is_reported()
    {
        var root = Tree();

        var files = InputPatterns.Expand(["a/p-0.jsonl", Path.Combine(root, "a", "p-*"), "a/none-*", "a/p-0.jsonl"], root, out var unmatched);

        Assert.Equal([Path.Combine(root, "a/p-0.jsonl"), Path.Combine(root, "a/p-1.jsonl.gz"), Path.Combine(root, "a/p-2.jsonl.zst")], files);
        Assert.Equal(["a/none-*"], unmatched);
    }
}
