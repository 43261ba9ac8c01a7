using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>
/// The prompts file as Python's writers write it (spaces after separators, <c>\uXXXX</c> escapes, <c>\/</c>, tokens with
/// line breaks, tabs, quotes, backslashes, CJK, RTL and emoji): every style gives the same report data.
/// </summary>
public sealed class WriterStyleReportTests
{
    /// <summary>Labels that need escapes in every style: a quote, a backslash, a slash, accents, CJK.</summary>
    private static readonly string[] Labels = ["analysis", "back\\slash/x", "code", "créatif", "math \"hard\"", "中文"];

    [Fact]
    public void Every_writer_style_gives_byte_identical_aggregate_csv_tokens_csv_and_features_csv()
    {
        string? expectedAggregate = null, expectedTokens = null, expectedFeatures = null;
        foreach (var style in WriterStyles.All)
        {
            var files = Write(style);
            var output = TestData.NewTemporaryDirectory();
            var outcome = ReportPipeline.Run(new ReportRequest
            {
                Name = WriterStyles.Name(style),
                DescriptionsPath = files.DescriptionsPath,
                PromptsPath = files.PromptsPath,
                OutputDirectory = output,
                Render = false,
            }, new CollectingLog());
            Assert.True(outcome.Succeeded);

            var aggregate = File.ReadAllText(Path.Combine(output, "aggregate.csv"));
            var tokens = File.ReadAllText(Path.Combine(output, "tokens.csv"));
            Assert.Contains("\"math \"\"hard\"\"\"", aggregate, StringComparison.Ordinal);
            Assert.Contains("<0x0A>", tokens, StringComparison.Ordinal);
            Assert.Equal(expectedAggregate ??= aggregate, aggregate);
            Assert.Equal(expectedTokens ??= tokens, tokens);
            var features = File.ReadAllText(Path.Combine(output, "features.csv"));
            Assert.Equal(expectedFeatures ??= features, features);
        }
    }

    private static DataSetFiles Write(WriterStyle style) => DataSetWriter.Write(
        new DataSetOptions { Features = 80, PromptsPerFeature = 16, TokensPerPrompt = 14, Seed = 31, Labels = Labels, Style = style, Text = TextMix.Multilingual },
        TestData.NewTemporaryDirectory());
}
