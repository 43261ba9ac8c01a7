using System.Text;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;
using Reports.DataGen;
using Reports.Pipeline;
using Reports.Tests;

namespace Reports.Analysis.Tests;

/// <summary>
/// <c>"\uD800"</c> is JSON but no character (Python writes it for text cut inside a character). Every path reads it the
/// same way: U+FFFD in its place, one warning with the count and the first place; never a crash.
/// </summary>
public sealed class LoneSurrogateTests
{
    [Fact]
    public void Lone_surrogates_in_labels_tokens_texts_and_names_read_as_replacement_characters_with_one_warning()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 6, PromptsPerFeature = 8, TokensPerPrompt = 6, Seed = 9 }, directory);
        var lines = File.ReadAllLines(files.PromptsPath, Encoding.UTF8);
        lines[0] = lines[0].Replace("\"prompt_text\":\"", "\"prompt_text\":\"\\ud800 ", StringComparison.Ordinal); // every strongest prompt of the first feature
        lines[1] = ReplaceFirst(lines[1], "\"prompt_label\":\"", "\"prompt_label\":\"\\uDFAA");
        lines[2] = ReplaceFirst(lines[2], "\"token\":\"", "\"token\":\"\\ud83d");
        lines[3] = ReplaceFirst(lines[3], "{\"prompt_id\":", "{\"\\ud800key\":1,\"prompt_id\":");
        lines[4] = ReplaceFirst(lines[4], "\"tokenized_prompt\":[\"", "\"tokenized_prompt\":[\"\\udc00");
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        var serial = ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath);
        var parallel = ParallelPromptReader.Aggregate(files.PromptsPath, ActivationAggregate.DefaultTopPromptCount, chunkSize: 4096);
        AggregateAssert.Same(serial, parallel, files.PromptsPath);
        Assert.Equal(serial.ReplacedSurrogates, parallel.ReplacedSurrogates);
        Assert.True(parallel.RecordsReadByGeneratedReader >= 5, $"{parallel.RecordsReadByGeneratedReader} lines to the generated reader");
        Assert.Equal(1L, parallel.ReplacedSurrogates.FirstLine);
        Assert.Contains(parallel.LabelCounts.Keys, label => label.StartsWith('\uFFFD'));

        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "surrogates", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = output }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        var warning = Assert.Single(log.Diagnostics, d => d.Code == "RPT108");
        Assert.Equal((files.PromptsPath, 1L), (warning.File, warning.Line));
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{serial.ReplacedSurrogates.Count:N0} string(s)"), warning.Message, StringComparison.Ordinal);
        Assert.Contains("\uFFFD", PdfTools.Text(Path.Combine(output, "report.pdf")), StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
