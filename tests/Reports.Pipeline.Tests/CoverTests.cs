using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>A reader's cover states what is known: no date line without a date, and no total that only repeats another.</summary>
public sealed class CoverTests
{
    [Fact]
    public void Without_a_date_the_cover_has_no_date_line_and_equal_totals_are_stated_once()
    {
        var output = TestData.NewTemporaryDirectory();
        Assert.True(ReportPipeline.Run(new ReportRequest { Name = "cover", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output, FeaturePages = "none" }, new CollectingLog()).Succeeded);

        var cover = PdfTools.Text(Path.Combine(output, "report.pdf")).Split('\f')[0];
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        foreach (var text in new[] { cover, html })
        {
            Assert.DoesNotContain("Date of the data", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SOURCE_DATE_EPOCH", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Features described", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Feature records", text, StringComparison.Ordinal);
        }

        Assert.Contains("Features", cover, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_that_differ_are_each_stated()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 30, PromptsPerFeature = 5, TokensPerPrompt = 3, Seed = 8, DescribedFraction = 0.5 }, TestData.NewTemporaryDirectory());
        var output = TestData.NewTemporaryDirectory();
        Assert.True(ReportPipeline.Run(new ReportRequest { Name = "cover", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = output, FeaturePages = "none" }, new CollectingLog()).Succeeded);

        var cover = PdfTools.Normalize(PdfTools.Text(Path.Combine(output, "report.pdf")).Split('\f')[0]);

        Assert.Contains("Features described", cover, StringComparison.Ordinal);
    }
}
