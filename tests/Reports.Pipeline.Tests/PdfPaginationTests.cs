using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>A heading, its key and the first item under them travel together: no page ends with a heading whose content starts on the next.</summary>
public sealed class PdfPaginationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_page_ends_with_strongest_prompts_whose_first_prompt_is_on_the_next_page(bool generated)
    {
        var (descriptions, prompts) = (TestData.DemoDescriptions, TestData.DemoPrompts);
        if (generated)
        {
            // Long prompts, so sections end at every height of a page.
            var files = DataSetWriter.Write(new DataSetOptions { Features = 40, PromptsPerFeature = 9, TokensPerPrompt = 60, Seed = 17, Text = TextMix.Multilingual }, TestData.NewTemporaryDirectory());
            (descriptions, prompts) = (files.DescriptionsPath, files.PromptsPath);
        }

        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "pages", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, FeaturePages = "all" }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));

        var pages = PdfTools.Text(Path.Combine(output, "report.pdf")).Split('\f');
        var sections = 0;
        for (var p = 0; p < pages.Length; p++)
        {
            var at = pages[p].IndexOf("Strongest prompts", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            sections++;
            Assert.True(pages[p].IndexOf("#1 ", at, StringComparison.Ordinal) > at, $"page {p + 1} ends with \"Strongest prompts\" and its key; the first prompt is on the next page");
        }

        Assert.True(sections >= (generated ? 40 : 19), $"{sections} sections found");
    }
}
