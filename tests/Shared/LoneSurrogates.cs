using System.Text;
using Reports.DataGen;

namespace Reports.Tests;

/// <summary>
/// A generated data set whose first lines hold <c>"\uD800"</c>-style escapes (JSON, but no character; Python writes them
/// for text cut inside a character) in a prompt text, a label, a token, a field name and a tokenized prompt. The readers
/// (Reports.Analysis.Tests) and the report (Reports.Pipeline.Tests) are each tested on it.
/// </summary>
internal static class LoneSurrogates
{
    public static DataSetFiles WriteDataSet()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 6, PromptsPerFeature = 8, TokensPerPrompt = 6, Seed = 9 }, TestData.NewTemporaryDirectory());
        var lines = File.ReadAllLines(files.PromptsPath, Encoding.UTF8);
        lines[0] = lines[0].Replace("\"prompt_text\":\"", "\"prompt_text\":\"\\ud800 ", StringComparison.Ordinal); // every strongest prompt of the first feature
        lines[1] = ReplaceFirst(lines[1], "\"prompt_label\":\"", "\"prompt_label\":\"\\uDFAA");
        lines[2] = ReplaceFirst(lines[2], "\"token\":\"", "\"token\":\"\\ud83d");
        lines[3] = ReplaceFirst(lines[3], "{\"prompt_id\":", "{\"\\ud800key\":1,\"prompt_id\":");
        lines[4] = ReplaceFirst(lines[4], "\"tokenized_prompt\":[\"", "\"tokenized_prompt\":[\"\\udc00");
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return files;
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
