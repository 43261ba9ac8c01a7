using Reports.Analysis;
using Reports.Analysis.Evidence;
using Reports.Pipeline.Features;

namespace Reports.Pipeline.Tests;

/// <summary>How a prompt is laid out token by token: windows, markers, prompts without token data.</summary>
public sealed class PromptTokensTests
{
    [Fact]
    public void A_long_prompt_is_cut_to_a_window_around_its_strongest_token_with_ellipses()
    {
        var pieces = Enumerable.Range(0, 100).Select(i => $"▁w{i}").ToArray();
        var prompt = Prompt(pieces, [new ActivePromptToken { Token = "▁w10", Activation = 2 }, new ActivePromptToken { Token = "▁w70", Activation = 9 }]);

        var shown = PromptTokens.Evidence(prompt, 1, 9).Tokens;

        Assert.Equal("… ", shown[0].Text);
        Assert.Equal(" …", shown[^1].Text);
        var words = shown.Skip(1).SkipLast(1).Select(t => t.Text.Trim()).ToArray();
        Assert.Contains("w70", words);
        Assert.DoesNotContain("w10", words);
        Assert.True(words.Length < pieces.Length, $"{words.Length} of {pieces.Length} tokens shown");
        var strongest = Assert.Single(shown, t => t.IsStrongest);
        Assert.Equal((" w70", 9.0), (strongest.Text, strongest.Activation));
    }

    [Fact]
    public void A_short_prompt_is_shown_whole_with_markers_as_spaces_and_silent_tokens_at_zero()
    {
        var prompt = Prompt(["▁Ελλάδα", ",", "▁with", "▁one"], [new ActivePromptToken { Token = ",", Activation = 15 }]);

        var evidence = PromptTokens.Evidence(prompt, 2, 15);

        Assert.Equal("Ελλάδα, with one", string.Concat(evidence.Tokens.Select(t => t.Text)));
        Assert.Equal([0, 15, 0, 0], evidence.Tokens.Select(t => t.Activation));
        Assert.Equal((",", 15.0), evidence.Strongest);
    }

    [Fact]
    public void A_prompt_without_token_data_is_shown_plain_and_unshaded()
    {
        var evidence = PromptTokens.Evidence(Prompt(["▁Plain", "▁text"], []), 1, 5);

        Assert.Equal("Plain text", string.Concat(evidence.Tokens.Select(t => t.Text)));
        Assert.All(evidence.Tokens, t => Assert.Equal(0, t.Activation));
        Assert.Null(evidence.Strongest);
    }

    private static TopPrompt Prompt(string[] pieces, ActivePromptToken[] tokens) =>
        new(7, "analysis", tokens.Select(t => t.Activation).DefaultIfEmpty(1).Max(), string.Concat(pieces).Replace('▁', ' ').Trim(), pieces, tokens, 1, 0);
}
