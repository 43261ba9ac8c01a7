using Reports.Rendering.Pdf;

namespace Reports.Rendering.Tests.Pdf;

/// <summary>Line breaking, checked against the widths the same fonts measure, on text shaped like the descriptions'.</summary>
public sealed class TextWrapperTests
{
    private static readonly TextStyle Style = new(7.5f);

    [Theory]
    [InlineData(60)]
    [InlineData(120)]
    [InlineData(400)]
    public void Every_line_fits_and_the_text_comes_back_whole(float width)
    {
        const string Text = "Detects comparative, data-driven questions (“compare X and Y”); see https://www.neuronpedia.org/gemma-2-2b/12-gemmascope-res-16k/5?tab=explanations&sort=desc for the examples.\r\nSecond paragraph: Zoë’s café.";
        using var fonts = FontSet.ForText([Text]);

        var lines = TextWrapper.Wrap(fonts, Text, Style, width);

        Assert.All(lines, line => Assert.True(fonts.Measure(line, Style) <= width + 0.01f, $"'{line}' is {fonts.Measure(line, Style)} wide, more than {width}"));
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
        // Breaks drop only the spaces they happen at; the paragraphs stay apart.
        var paragraphs = Text.Split("\r\n");
        Assert.Equal(paragraphs[0].Replace(" ", "", StringComparison.Ordinal) + paragraphs[1].Replace(" ", "", StringComparison.Ordinal),
            string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Second", StringComparison.Ordinal));
    }

    [Fact]
    public void A_url_breaks_after_its_marks_and_a_token_wider_than_the_line_between_characters()
    {
        const string Url = "https://www.neuronpedia.org/gemma-2-2b/12-gemmascope-res-16k/575";
        const string Token = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";
        using var fonts = FontSet.ForText([Url, Token]);

        var urlLines = TextWrapper.Wrap(fonts, Url, Style, 90);
        var tokenLines = TextWrapper.Wrap(fonts, Token, Style, 40);

        Assert.True(urlLines.Count > 1);
        Assert.All(urlLines.SkipLast(1), line => Assert.Contains(line[^1], "/-_?&="));
        Assert.Equal(Url, string.Concat(urlLines));
        Assert.True(tokenLines.Count > 1);
        Assert.Equal(Token, string.Concat(tokenLines));
        Assert.All(tokenLines, line => Assert.True(fonts.Measure(line, Style) <= 40.01f));
        // Each piece is as long as fits: one more character would not.
        Assert.All(tokenLines.SkipLast(1).Select((line, i) => (line, next: tokenLines[i + 1])),
            pair => Assert.True(fonts.Measure(pair.line + pair.next[0], Style) > 40));
    }
}
