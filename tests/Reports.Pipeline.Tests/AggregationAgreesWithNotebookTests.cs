using System.Text.Json;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>aggregate.csv and summary.json against the notebook's method, computed independently.</summary>
public sealed class AggregationAgreesWithNotebookTests
{
    [Fact]
    public void Demo_report_matches_the_notebook()
    {
        AssertMatchesNotebook(TestData.DemoDescriptions, TestData.DemoPrompts, minimumFeatures: 19);
    }

    [Fact]
    public void Generated_set_with_thousands_of_features_matches_the_notebook()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 3000, PromptsPerFeature = 12, TokensPerPrompt = 6, Seed = 11 }, directory);

        AssertMatchesNotebook(files.DescriptionsPath, files.PromptsPath, minimumFeatures: 3000);
    }

    [Fact]
    public void Describe_table_matches_pandas_on_the_mean_matrix()
    {
        var output = RunPipeline(TestData.DemoDescriptions, TestData.DemoPrompts);
        var cells = NotebookMethod.MeanByFeatureAndLabel(TestData.DemoPrompts);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var describe = summary.RootElement.GetProperty("describe");

        foreach (var label in cells.Keys.Select(k => k.Label).Distinct())
        {
            // pivot_table(...).describe(): per label column, the non-missing feature means.
            var column = cells.Where(c => c.Key.Label == label).Select(c => c.Value.Mean).Order().ToArray();
            var mean = column.Sum() / column.Length;
            var std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / (column.Length - 1));
            var median = column.Length % 2 == 1 ? column[column.Length / 2] : (column[(column.Length / 2) - 1] + column[column.Length / 2]) / 2;
            var row = describe.GetProperty(label);

            Assert.Equal(column.Length, row.GetProperty("count").GetDouble());
            NotebookMethod.AssertRelativelyEqual(mean, row.GetProperty("mean").GetDouble(), $"{label} mean");
            NotebookMethod.AssertRelativelyEqual(std, row.GetProperty("std").GetDouble(), $"{label} std");
            NotebookMethod.AssertRelativelyEqual(column[0], row.GetProperty("min").GetDouble(), $"{label} min");
            NotebookMethod.AssertRelativelyEqual(median, row.GetProperty("50%").GetDouble(), $"{label} median");
            NotebookMethod.AssertRelativelyEqual(column[^1], row.GetProperty("max").GetDouble(), $"{label} max");
        }
    }

    private static void AssertMatchesNotebook(string descriptions, string prompts, int minimumFeatures)
    {
        var expected = NotebookMethod.MeanByFeatureAndLabel(prompts);
        var output = RunPipeline(descriptions, prompts);

        Assert.True(expected.Keys.Select(k => k.Feature).Distinct().Count() >= minimumFeatures);
        NotebookMethod.AssertAggregateCsvAgrees(prompts, Path.Combine(output, "aggregate.csv"));

        // Stable order: feature id, then label.
        var order = File.ReadLines(Path.Combine(output, "aggregate.csv")).Skip(1).Select(l => l.Split(',')).Select(f => (long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[1])).ToArray();
        Assert.Equal(order.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal), order);

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var labelCounts = summary.RootElement.GetProperty("label_counts");
        foreach (var label in expected.Keys.Select(k => k.Label).Distinct())
        {
            Assert.Equal(expected.Where(c => c.Key.Label == label).Sum(c => c.Value.Count), labelCounts.GetProperty(label).GetInt64());
        }
    }

    private static string RunPipeline(string descriptions, string prompts)
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "test", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, Render = false }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }
}
