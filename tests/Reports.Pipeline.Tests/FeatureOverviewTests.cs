using System.Buffers.Binary;
using System.Globalization;
using Reports.Analysis.Evidence;
using Reports.DataGen;
using Reports.Pipeline.Features;
using Reports.Pipeline.Outputs;
using Reports.Rendering.Charts;

namespace Reports.Pipeline.Tests;

/// <summary>
/// The overview of every feature and the category summary: every feature accounted for, grouped and ordered by the
/// category it is most specific to and binned into means as the caption states, checked against groups, d and means
/// computed here from the prompts; the wide report stays a short PDF without JPEG and a PNG that is not a strip.
/// </summary>
public sealed class FeatureOverviewTests(FeatureOverviewTests.WideReport wide)
    : IClassFixture<FeatureOverviewTests.WideReport>
{
    [Fact]
    public void The_overview_accounts_for_every_feature_grouped_by_its_most_specific_category()
    {
        var model = wide.Overview;
        var truth = wide.Truth;
        var labels = wide.Outcome.Analysis!.Labels;

        // Every feature with prompts exactly once, its columns' counts adding up to them all.
        Assert.Equal(truth.Count, model.Columns.Sum(c => c.FeatureCount));
        Assert.Equal(truth.Keys.Order(), model.FeatureIds.Order());

        // Groups in the rows' order, each the features most specific to its category, most specific first.
        var rankings = SpecificityTruth.Rankings(truth);
        Assert.Equal(rankings.Keys.OrderBy(l => labels.ToList().IndexOf(l)), model.Groups.Select(g => g.Label));
        foreach (var group in model.Groups)
        {
            Assert.Equal(labels[group.RowIndex], group.Label);
            var first = model.Columns[group.FirstColumn].FirstFeature;
            Assert.Equal(rankings[group.Label], model.FeatureIds.Skip(first).Take(group.FeatureCount));
        }

        // Bins of k consecutive features of one group, the last of a group possibly fewer, k the smallest that fits.
        var k = model.FeaturesPerColumn;
        Assert.True(k > 1, "3,000 features should need bins");
        Assert.InRange(model.Columns.Count, 1, FeatureOverview.MaxColumns);
        Assert.True(model.Groups.Sum(g => (g.FeatureCount + k - 2) / (k - 1)) > FeatureOverview.MaxColumns, "a smaller k would have fitted");
        foreach (var group in model.Groups)
        {
            Assert.Equal((group.FeatureCount + k - 1) / k, group.ColumnCount);
            var columns = model.Columns.Skip(group.FirstColumn).Take(group.ColumnCount).ToArray();
            Assert.All(columns[..^1], c => Assert.Equal(k, c.FeatureCount));
            Assert.Equal(group.FeatureCount - (k * (columns.Length - 1)), columns[^1].FeatureCount);
        }

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Each column is the mean of up to {k} consecutive features of one group ({model.Columns.Count:N0} columns for {truth.Count:N0} features"), model.BinRule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bin_is_the_mean_of_its_features_means_and_marks_the_heatmaps_features()
    {
        var model = wide.Overview;
        var labels = wide.Outcome.Analysis!.Labels;
        var means = wide.Prompts.ToDictionary(f => f.Key, f => f.Value.GroupBy(p => p.Label).ToDictionary(g => g.Key, g => g.Average(p => p.Activation)));
        var heatmap = wide.Outcome.HeatmapFeatures!.ToHashSet();
        var checkedColumns = model.Groups.SelectMany(g => new[] { g.FirstColumn, g.FirstColumn + (g.ColumnCount / 2), g.FirstColumn + g.ColumnCount - 1 }).Distinct();
        foreach (var c in checkedColumns)
        {
            var column = model.Columns[c];
            var ids = model.FeatureIds.Skip(column.FirstFeature).Take(column.FeatureCount).ToArray();
            for (var r = 0; r < labels.Count; r++)
            {
                var values = ids.Where(id => means[id].ContainsKey(labels[r])).Select(id => means[id][labels[r]]).ToArray();
                if (values.Length == 0)
                {
                    Assert.Null(model.Values[r, c]);
                }
                else
                {
                    Assert.Equal(values.Average(), model.Values[r, c]!.Value, 1e-9);
                }
            }

            Assert.Equal(ids.Any(heatmap.Contains), column.InHeatmap);
        }

        var all = means.Values.SelectMany(m => m.Values).ToArray();
        Assert.Equal(all.Min(), model.ColorRange.Min, 1e-12);
        Assert.Equal(all.Max(), model.ColorRange.Max, 1e-12);
        Assert.Equal(heatmap.Count, model.FeatureIds.Count(heatmap.Contains));
    }

    [Fact]
    public void The_wide_pdf_has_the_summary_and_overview_in_a_few_pages_without_jpeg()
    {
        var pdf = Path.Combine(wide.Output, "report.pdf");
        var text = PdfTools.Normalize(PdfTools.Text(pdf, raw: true));
        var k = wide.Overview.FeaturesPerColumn;

        Assert.InRange(PdfTools.PageCount(pdf), 1, 30);
        Assert.Contains("Features by their most specific category", text, StringComparison.Ordinal);
        Assert.Contains("Every feature", text, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Each column is the mean of up to {k} consecutive features of one group"), text, StringComparison.Ordinal);
        Assert.Contains("A tick under a column: it holds a feature the heatmap shows.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfTools.Images(pdf), i => i.Encoding == "jpeg");

        // The summary's row per category: the features most specific to it and how many have d >= 0.8, counted here.
        foreach (var (label, features) in wide.Truth.GroupBy(t => t.Value.Label).Select(g => (g.Key, g.ToArray())))
        {
            var count = features.Length.ToString("N0", CultureInfo.InvariantCulture);
            var large = features.Count(f => f.Value.D >= 0.8).ToString("N0", CultureInfo.InvariantCulture);
            Assert.Matches($@"\b{label} {count} [0-9.]+ % [0-9,]+( [-0-9.—]+){{5}} {large}\b", text);
            Assert.Contains($"{label} ({count})", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_wide_png_is_the_selected_heatmap_with_the_overview_under_it_and_not_a_strip()
    {
        var (width, height) = PngSize(Path.Combine(wide.Output, "heatmap.png"));
        var (heatmapWidth, heatmapHeight) = HeatmapGeometry.FigureSize(wide.Outcome.HeatmapFeatures!.Count, wide.Outcome.Analysis!.Labels.Count);

        Assert.Equal(heatmapWidth * 2, width);
        Assert.InRange(height, (heatmapHeight * 2) + 300, 4_000);
    }

    [Fact]
    public void A_heatmap_too_wide_to_read_gives_way_to_the_overview_in_the_png()
    {
        var analysis = wide.Outcome.Analysis!;
        using var png = new MemoryStream();

        HeatmapPng.Save(HeatmapModels.From(analysis, [.. analysis.HeatmapFeatures]), wide.Overview, appendOverview: false, png);

        var (width, height) = PngSize(png.ToArray());
        Assert.Equal(HeatmapPng.OverviewWidth, width);
        Assert.InRange(height, 300, 2_000);
    }

    [Fact]
    public void The_demo_overview_gives_each_feature_a_column_and_its_png_stays_the_heatmap()
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "demo", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        var pdf = Path.Combine(output, "report.pdf");

        var text = PdfTools.Normalize(PdfTools.Text(pdf, raw: true));
        Assert.Contains("Each column is one feature (19 columns).", text, StringComparison.Ordinal);
        Assert.Contains("Viridis from", text, StringComparison.Ordinal);
        Assert.Contains("(the heatmap's scale)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A tick under a column", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfTools.Images(pdf), i => i.Encoding == "jpeg");
        Assert.Equal((2920, 1180), PngSize(Path.Combine(output, "heatmap.png")));
    }

    [Theory]
    [InlineData(new[] { 19 }, 1200, 1)]
    [InlineData(new[] { 600, 600 }, 1200, 1)]
    [InlineData(new[] { 601, 600 }, 1200, 2)]
    [InlineData(new[] { 1, 1, 1, 65_533 }, 1200, 55)]
    [InlineData(new[] { 5, 5, 5 }, 2, 5)]
    public void Features_per_column_is_the_smallest_bin_that_fits(int[] groups, int columns, int expected)
    {
        var k = OverviewModels.FeaturesPerColumn(groups, columns);

        Assert.Equal(expected, k);
    }

    private static (int Width, int Height) PngSize(string path) => PngSize(File.ReadAllBytes(path));

    private static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

    /// <summary>One wide report for the tests above: 3,000 features, a heatmap of 40, three feature pages.</summary>
    public sealed class WideReport
    {
        public WideReport()
        {
            var files = DataSetWriter.Write(new DataSetOptions { Features = 3000, PromptsPerFeature = 6, TokensPerPrompt = 3, Seed = 19 }, TestData.NewTemporaryDirectory());
            Output = TestData.NewTemporaryDirectory();
            var log = new CollectingLog();
            Outcome = ReportPipeline.Run(new ReportRequest
            {
                Name = "wide",
                DescriptionsPath = files.DescriptionsPath,
                PromptsPath = files.PromptsPath,
                OutputDirectory = Output,
                HeatmapFeatures = "40",
                FeaturePages = "3",
            }, log);
            Assert.True(Outcome.Succeeded, string.Join('\n', log.Diagnostics));
            Prompts = PromptTruth.ByFeature(files.PromptsPath);
            Truth = SpecificityTruth.Of(files.PromptsPath);

            var analysis = Outcome.Analysis!;
            var specificity = analysis.Features.Select(FeatureSpecificity.Of).ToArray();
            var shown = Outcome.HeatmapFeatures!.ToHashSet();
            var selection = new HeatmapSelection([.. analysis.Features.Where(f => shown.Contains(f.FeatureId))], analysis.HeatmapFeatures.Count(), "", shown.Count);
            Overview = OverviewModels.From(analysis, specificity, selection);
        }

        public string Output { get; }

        public ReportOutcome Outcome { get; }

        internal Dictionary<long, List<PromptTruth.Prompt>> Prompts { get; }

        public Dictionary<long, (string Label, double? D, double Difference)> Truth { get; }

        public FeatureOverviewModel Overview { get; }
    }
}
