using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Reports.Pipeline.Tests;

/// <summary>Inputs at the edges of their shape: every feature without prompts, and hundreds of categories. A report, never a crash.</summary>
public sealed class SparseInputTests
{
    [Fact]
    public void Features_without_any_prompt_give_a_whole_report_and_their_warnings_are_counted_past_twenty()
    {
        var directory = TestData.NewTemporaryDirectory();
        var prompts = Path.Combine(directory, "prompts.jsonl");
        File.WriteAllLines(prompts, Enumerable.Range(0, 50).Select(i => $"{{\"feature_id\":{100_000 + i},\"token\":\"t\",\"source\":\"s\",\"active_prompts\":[]}}"));
        var output = Path.Combine(directory, "out");
        var log = new CollectingLog();

        var outcome = ReportPipeline.Run(new ReportRequest { Name = "empty", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = prompts, OutputDirectory = output }, log);

        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        var noPrompts = log.Diagnostics.Where(d => d.Code == "RPT105").ToList();
        Assert.Equal(21, noPrompts.Count);
        Assert.StartsWith("30 more RPT105 warnings", noPrompts[^1].Message, StringComparison.Ordinal);
        using var picture = SKBitmap.Decode(Path.Combine(output, "heatmap.png"));
        Assert.True(picture is { Width: > 0, Height: > 0 }, "heatmap.png is a picture");
        Assert.Contains("Feature descriptions", PdfTools.Normalize(PdfTools.Text(Path.Combine(output, "report.pdf"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Hundreds_of_categories_give_a_picture_within_a_bitmaps_bounds()
    {
        var directory = TestData.NewTemporaryDirectory();
        var prompts = Path.Combine(directory, "prompts.jsonl");
        var lines = new StringBuilder();
        for (var feature = 0; feature < 6; feature++)
        {
            var items = Enumerable.Range(0, 600).Select(l => $"{{\"prompt_id\":{(feature * 1000) + l},\"prompt_text\":\"p\",\"prompt_label\":\"label{l:000}\",\"prompt_feature_activation\":{(l % 7) + feature},\"tokenized_prompt\":[\"p\"],\"tokens\":[]}}");
            lines.Append($"{{\"feature_id\":{feature},\"token\":\"t\",\"source\":\"s\",\"active_prompts\":[{string.Join(',', items)}]}}\n");
        }

        File.WriteAllText(prompts, lines.ToString());
        var output = Path.Combine(directory, "out");
        var log = new CollectingLog();

        var outcome = ReportPipeline.Run(new ReportRequest { Name = "labels", DescriptionsPath = TestData.DemoDescriptions, PromptsPath = prompts, OutputDirectory = output, FeaturePages = "none" }, log);

        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        var header = File.ReadAllBytes(Path.Combine(output, "heatmap.png")).AsSpan(16, 8);
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header[4..]));
        Assert.InRange(width, 300, 32_000);
        Assert.InRange(height, 300, 32_000);
    }
}
