using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using Reports.Pipeline;

namespace Reports.Analysis.Tests;

/// <summary>report.html on the demo data: offline, and every cell's hover text as the notebook writes it.</summary>
public sealed partial class HtmlReportTests
{
    [Fact]
    public void Report_html_is_self_contained_and_hover_texts_match_the_notebook()
    {
        var output = TestData.NewTemporaryDirectory();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "demo", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output }, new CollectingLog());
        Assert.True(outcome.Succeeded);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));

        // Nothing is fetched: no scripts, stylesheets or images from anywhere.
        Assert.DoesNotMatch("<script|<link|<img|<iframe|src=|@import|url\\(http", html);

        var descriptions = ReadDescriptionsIndependently(TestData.DemoDescriptions);
        var cells = NotebookMethod.MeanByFeatureAndLabel(TestData.DemoPrompts);
        var titles = HoverTitle().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(cells.Count, titles.Count);
        foreach (var ((feature, label), cell) in cells)
        {
            var (type, description) = descriptions[feature];
            var expectedDescription = description.Length == 0 ? "No description available" : description.Length > 150 ? description[..150] + "..." : description;
            var expected = string.Create(CultureInfo.InvariantCulture,
                $"Feature ID: {feature}\nPrompt Category: {label}\nMean Activation: {cell.Mean:F4}\nFeature Type: {(type.Length == 0 ? "Unknown" : type)}\nDescription: {expectedDescription}");
            Assert.Contains(expected, titles);
        }

        // Every described feature's full description is in the table.
        foreach (var (_, description) in descriptions.Values.Where(d => d.Description.Length > 0))
        {
            Assert.Contains(description, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
    }

    /// <summary>claude_type and claude_desc per feature, read with the framework's own CSV parser.</summary>
    private static Dictionary<long, (string Type, string Description)> ReadDescriptionsIndependently(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.ToList();
        var result = new Dictionary<long, (string, string)>();
        while (parser.ReadFields() is { } fields)
        {
            result[long.Parse(fields[header.IndexOf("feature_id")], CultureInfo.InvariantCulture)] = (fields[header.IndexOf("claude_type")], fields[header.IndexOf("claude_desc")]);
        }

        return result;
    }

    [GeneratedRegex("<title>(Feature ID: [^<]*)</title>")]
    private static partial Regex HoverTitle();
}
