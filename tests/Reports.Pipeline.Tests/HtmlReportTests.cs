using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using Reports.Analysis.Reading;
using Reports.Pipeline.Outputs;

namespace Reports.Pipeline.Tests;

/// <summary>
/// report.html's embedded data, read back without the page's code (base64, gunzip, JSON) and checked against the
/// inputs read independently: every feature with its numbers, and every heatmap cell with its hover text.
/// </summary>
public sealed partial class HtmlReportTests
{
    [Fact]
    public void Report_html_is_self_contained_and_its_data_is_deterministic_gzip()
    {
        var html = File.ReadAllText(Path.Combine(BuildDemo(), "report.html"));

        // Nothing is fetched: no script, stylesheet, image or frame from anywhere; the scripts are inline.
        Assert.DoesNotMatch("<link|<img|<iframe|<object|<embed|src=|@import|url\\((?!data:|#)", html);
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(3, scripts.Count);
        Assert.Equal(2, scripts.Count(s => s.Contains("type=\"application/octet-stream\"", StringComparison.Ordinal)));

        // Each gzip member states no time and no file name, and "unknown" for the system: the same data, the same bytes.
        foreach (var id in (string[])["heatmap-data", "feature-data"])
        {
            var gzip = EmbeddedPageData.Compressed(html, id);
            Assert.Equal([0x1f, 0x8b, 8, 0, 0, 0, 0, 0], gzip[..8]);
            Assert.Equal(255, gzip[9]);
        }
    }

    [Fact]
    public void The_embedded_catalogue_holds_every_feature_with_the_inputs_values()
    {
        var html = File.ReadAllText(Path.Combine(BuildDemo(), "report.html"));
        using var document = EmbeddedPageData.Read(html, "feature-data");
        var data = document.RootElement;
        var rows = ReadDescriptionsIndependently(TestData.DemoDescriptions);
        var prompts = PromptTruth.ByFeature(TestData.DemoPrompts);
        var labels = data.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();

        Assert.Equal(prompts.Values.SelectMany(p => p).Select(p => p.Label).Distinct().Order(StringComparer.Ordinal), labels);
        var ids = data.GetProperty("id").EnumerateArray().Select(i => i.GetInt64()).ToArray();
        Assert.Equal(rows.Keys.Union(prompts.Keys).Order(), ids);
        Assert.Equal(ids.Length, data.GetProperty("count").GetInt32());
        AssertCatalogue(data, rows, prompts, labels);
        // Every demo feature has a section (FeaturePages defaults to 50).
        Assert.All(data.GetProperty("section").EnumerateArray(), s => Assert.Equal(1, s.GetInt32()));
    }

    [Fact]
    public void The_heatmap_data_holds_every_cell_with_the_documents_hover_text()
    {
        var html = File.ReadAllText(Path.Combine(BuildDemo(), "report.html"));
        using var document = EmbeddedPageData.Read(html, "heatmap-data");
        var data = document.RootElement;
        var columns = data.GetProperty("columns").EnumerateArray().Select(c => long.Parse(c.GetString()!, CultureInfo.InvariantCulture)).ToArray();
        var rows = data.GetProperty("rows").EnumerateArray().Select(r => r.GetString()!).ToArray();
        var values = EmbeddedPageData.Doubles(data.GetProperty("values"));
        var hover = data.GetProperty("hover").EnumerateArray().Select(h => h.GetString()).ToArray();
        var cells = NotebookMethod.MeanByFeatureAndLabel(TestData.DemoPrompts);

        // The 19 demo features in id order, as today; a cell per (feature, label) with prompts, blank elsewhere.
        Assert.Equal(cells.Keys.Select(k => k.Feature).Distinct().Order(), columns);
        var analysis = ActivationAnalyzer.Analyze(TestData.DemoDescriptions, TestData.DemoPrompts);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var at = (r * columns.Length) + c;
                if (!cells.TryGetValue((columns[c], rows[r]), out var cell))
                {
                    Assert.True(double.IsNaN(values[at]) && hover[at] is null, $"{columns[c]} {rows[r]} should be blank");
                    continue;
                }

                NotebookMethod.AssertRelativelyEqual(cell.Mean, values[at], $"{columns[c]} {rows[r]}");
                var feature = analysis.Features.Single(f => f.FeatureId == columns[c]);
                Assert.Equal(ReportDocuments.HoverText(feature, analysis.Descriptions.ReadRow(feature.FeatureId), rows[r], feature.ByLabel[r]!.Value.Mean), hover[at]);
            }
        }
    }

    /// <summary>Every column of the catalogue against the descriptions (read with the framework's CSV parser) and the prompts.</summary>
    internal static void AssertCatalogue(JsonElement data, Dictionary<long, Dictionary<string, string>> rows, Dictionary<long, List<PromptTruth.Prompt>> prompts, string[] labels)
    {
        var ids = data.GetProperty("id").EnumerateArray().Select(i => i.GetInt64()).ToArray();
        var described = data.GetProperty("described").EnumerateArray().Select(d => d.GetInt32() == 1).ToArray();
        var types = EmbeddedPageData.Coded(data.GetProperty("type"));
        var sourceTypes = EmbeddedPageData.Coded(data.GetProperty("sourceType"));
        var tokens = EmbeddedPageData.Coded(data.GetProperty("token"));
        var descriptions = data.GetProperty("description").EnumerateArray().Select(d => d.GetString()).ToArray();
        var links = data.GetProperty("link").EnumerateArray().Select(d => d.GetString()).ToArray();
        var promptCounts = data.GetProperty("prompts").EnumerateArray().Select(p => p.GetInt64()).ToArray();
        var means = EmbeddedPageData.Doubles(data.GetProperty("labelMean"));
        var counts = data.GetProperty("labelCount").EnumerateArray().Select(c => c.GetInt64()).ToArray();
        var cohensD = EmbeddedPageData.Doubles(data.GetProperty("labelCohensD"));
        var mostSpecific = data.GetProperty("mostSpecific").EnumerateArray().Select(m => m.GetInt32()).ToArray();
        var fileNumbers = new[] { "general_activation_mean", "general_activation_max", "general_activation_min", "personal_mean", "personal_cohens_d" }
            .Zip(["generalMean", "generalMax", "generalMin", "personalMean", "personalCohensD"], (csv, json) => (Csv: csv, Values: EmbeddedPageData.Doubles(data.GetProperty(json))))
            .ToArray();
        for (var f = 0; f < ids.Length; f++)
        {
            var id = ids[f];
            Assert.Equal(rows.ContainsKey(id), described[f]);
            if (rows.TryGetValue(id, out var row))
            {
                Assert.Equal(row["claude_type"].Length == 0 ? "Unknown" : row["claude_type"], types[f]);
                Assert.Equal(row["claude_desc"].Length == 0 ? "No description available" : row["claude_desc"], descriptions[f]);
                Assert.Equal(row["type"], sourceTypes[f]);
                Assert.Equal(PromptTruth.Display(row["token"]), tokens[f]);
                Assert.Equal(row["link"], links[f]);
                foreach (var (csv, values) in fileNumbers)
                {
                    var expected = row[csv].Length == 0 ? double.NaN : double.Parse(row[csv], CultureInfo.InvariantCulture);
                    Assert.Equal(expected, values[f]);
                }
            }

            var mine = prompts.GetValueOrDefault(id) ?? [];
            Assert.Equal(mine.Count, promptCounts[f]);
            var contrasts = Contrasts(mine, labels);
            for (var l = 0; l < labels.Length; l++)
            {
                var at = (f * labels.Length) + l;
                var (count, mean, d) = contrasts[l];
                Assert.Equal(count, counts[at]);
                Assert.Equal(count == 0, double.IsNaN(means[at]));
                if (count > 0)
                {
                    AssertSixDigits(mean, means[at], $"feature {id}, {labels[l]}: mean");
                }

                Assert.Equal(d is null, double.IsNaN(cohensD[at]));
                if (d is { } value)
                {
                    AssertSixDigits(value, cohensD[at], $"feature {id}, {labels[l]}: Cohen's d");
                }
            }

            // The most specific category: the largest d (the earlier label on ties); without one, the largest mean above the rest.
            var best = Enumerable.Range(0, labels.Length).Where(l => contrasts[l].Count > 0)
                .OrderByDescending(l => contrasts[l].D.HasValue).ThenByDescending(l => contrasts[l].D ?? RestDifference(mine, labels[l])).ThenBy(l => l)
                .DefaultIfEmpty(-1).First();
            Assert.Equal(best, mostSpecific[f]);
        }
    }

    /// <summary>Per label: its prompts, their mean, and Cohen's d against the feature's other prompts (two-pass, pooled).</summary>
    private static (long Count, double Mean, double? D)[] Contrasts(List<PromptTruth.Prompt> prompts, string[] labels) =>
        [.. labels.Select(label =>
        {
            var inside = prompts.Where(p => p.Label == label).Select(p => p.Activation).ToArray();
            var outside = prompts.Where(p => p.Label != label).Select(p => p.Activation).ToArray();
            if (inside.Length == 0)
            {
                return (0L, double.NaN, (double?)null);
            }

            double? d = null;
            if (inside.Length >= 2 && outside.Length >= 2)
            {
                var pooled = (SquaredDeviations(inside) + SquaredDeviations(outside)) / (inside.Length + outside.Length - 2);
                d = pooled > 0 ? (inside.Average() - outside.Average()) / Math.Sqrt(pooled) : null;
            }

            return (inside.LongLength, inside.Average(), d);
        })];

    private static double RestDifference(List<PromptTruth.Prompt> prompts, string label)
    {
        var inside = prompts.Where(p => p.Label == label).Average(p => p.Activation);
        var outside = prompts.Where(p => p.Label != label).Select(p => p.Activation).ToArray();
        return outside.Length == 0 ? inside : inside - outside.Average();
    }

    private static double SquaredDeviations(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean));
    }

    /// <summary>The page keeps six significant digits of what the report computes (FeatureCatalogJson.ComputedDigits).</summary>
    private static void AssertSixDigits(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 5.01e-6 * Math.Abs(expected) + 1e-12, $"{what}: expected {expected:R}, got {actual:R}");

    private static string BuildDemo()
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "demo", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }

    /// <summary>Every column of every description row, read with the framework's own CSV parser.</summary>
    internal static Dictionary<long, Dictionary<string, string>> ReadDescriptionsIndependently(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var result = new Dictionary<long, Dictionary<string, string>>();
        while (parser.ReadFields() is { } fields)
        {
            var row = header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            result[long.Parse(row["feature_id"], CultureInfo.InvariantCulture)] = row;
        }

        return result;
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
