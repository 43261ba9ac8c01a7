using System.Globalization;
using Reports.Analysis.Reading;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>
/// A wide report's PDF shows the features that single out each category: chosen category by category, most specific
/// first, checked against Cohen's d computed here from the prompts themselves (a two-pass pooled deviation).
/// </summary>
public sealed class HeatmapSelectionTests
{
    [Fact]
    public void Each_category_gets_its_most_specific_features_in_turn_and_named_features_are_added()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 300, PromptsPerFeature = 12, TokensPerPrompt = 4, Seed = 21 }, TestData.NewTemporaryDirectory());
        var truth = SpecificityTruth.Of(files.PromptsPath);
        var named = truth.Keys.Order().Last();
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();

        var outcome = ReportPipeline.Run(new ReportRequest
        {
            Name = "wide",
            DescriptionsPath = files.DescriptionsPath,
            PromptsPath = files.PromptsPath,
            OutputDirectory = output,
            HeatmapFeatures = "35",
            IncludeFeatures = named.ToString(CultureInfo.InvariantCulture),
            FeaturePages = "none",
        }, log);

        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        Assert.Equal(truth.Count, outcome.Analysis!.Features.Count);
        var chosen = outcome.HeatmapFeatures!.ToList();
        var byCategory = SpecificityTruth.Rankings(truth);
        Assert.Contains(named, chosen);
        Assert.InRange(chosen.Count, 35, 36);

        // Per category a prefix of its ranking, and shares within one of each other (no category ran out here).
        var shares = byCategory.ToDictionary(c => c.Key, c => chosen.Count(id => id != named && truth[id].Label == c.Key));
        foreach (var (label, ranking) in byCategory)
        {
            Assert.Equal(ranking.Take(shares[label]), chosen.Where(id => id != named && truth[id].Label == label).OrderBy(id => ranking.IndexOf(id)));
            Assert.True(ranking.Count > shares[label], $"{label} ran out");
        }

        Assert.InRange(shares.Values.Max() - shares.Values.Min(), 0, 1);
        Assert.Equal(35, shares.Values.Sum());

        // Grouped by category in the rows' order, the most specific first within a group.
        var labels = outcome.Analysis.Labels;
        Assert.Equal(chosen.OrderBy(id => labels.ToList().IndexOf(truth[id].Label)).ThenBy(id => byCategory[truth[id].Label].IndexOf(id)), chosen);

        var text = PdfTools.Text(Path.Combine(output, "report.pdf"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"show {chosen.Count} of the 300 features with prompts"), PdfTools.Normalize(text), StringComparison.Ordinal);
        Assert.Contains("grouped by the category each feature is most specific to", PdfTools.Normalize(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_within_the_count_shows_every_feature_in_id_order_without_a_rule()
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();

        var outcome = ReportPipeline.Run(new ReportRequest { Name = "demo", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output, FeaturePages = "none" }, log);

        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        var text = PdfTools.Normalize(PdfTools.Text(Path.Combine(output, "report.pdf")));
        Assert.Contains("Feature order: by feature id.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("features with prompts:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("many", "", "HeatmapFeatures: expected \"all\" or a number of features, found \"many\"")]
    [InlineData("5", "575;99999", "IncludeFeatures: feature 99999 is in neither input file")]
    [InlineData("5", "575;x", "IncludeFeatures: expected feature ids separated by ';' or ',', found \"x\"")]
    public void A_bad_selection_option_is_rpt050(string count, string include, string message)
    {
        var log = new CollectingLog();

        var outcome = ReportPipeline.Run(new ReportRequest
        {
            Name = "bad",
            DescriptionsPath = TestData.DemoDescriptions,
            PromptsPath = TestData.DemoPrompts,
            OutputDirectory = TestData.NewTemporaryDirectory(),
            HeatmapFeatures = count,
            IncludeFeatures = include,
            Render = false,
        }, log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal(("RPT050", message), (error.Code, error.Message));
    }
}
