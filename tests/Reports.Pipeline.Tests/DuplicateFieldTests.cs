using System.Text;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>A field given twice in one object is ambiguous (I-JSON forbids it): a located error on every path, never "last one wins".</summary>
public sealed class DuplicateFieldTests
{
    [Theory]
    [InlineData("{\"feature_id\":", "{\"feature_id\":99,\"feature_id\":", "feature_id")]
    [InlineData("\"prompt_label\":\"", "\"prompt_label\":\"x\",\"prompt_label\":\"", "active_prompts[0].prompt_label")]
    [InlineData("{\"token\":\"", "{\"token\":\"x\",\"token\":\"", ".token")]
    public void A_field_given_twice_in_a_large_file_is_an_error_at_its_line(string find, string replacement, string field)
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 40, PromptsPerFeature = 10, TokensPerPrompt = 6, Seed = 3 }, directory);
        var lines = File.ReadAllLines(files.PromptsPath, Encoding.UTF8);
        var at = lines[30].IndexOf(find, StringComparison.Ordinal);
        lines[30] = string.Concat(lines[30].AsSpan(0, at), replacement, lines[30].AsSpan(at + find.Length));
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "duplicates", DescriptionsPath = files.DescriptionsPath, PromptsPath = files.PromptsPath, OutputDirectory = TestData.NewTemporaryDirectory(), Render = false }, log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal(("RPT019", files.PromptsPath, 31L), (error.Code, error.File, error.Line));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
