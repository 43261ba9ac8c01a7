using System.Text;
using Reports.DataGen;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// The valid inputs mutations start from, shortest first (shrinking moves towards the first): a minimal hand-written
/// record, the schema samples, and small generated data sets in every writer style (spaces, <c>\uXXXX</c> escapes,
/// <c>\/</c>) and text mix (code with escapes, CJK, RTL, emoji).
/// </summary>
internal static class SeedInputs
{
    private const string MinimalPromptLine =
        "{\"feature_id\":1,\"token\":\"t\",\"source\":\"s\",\"active_prompts\":[{\"prompt_id\":1,\"prompt_text\":\"p\",\"prompt_label\":\"l\","
        + "\"prompt_feature_activation\":1.5,\"tokenized_prompt\":[\"p\"],\"tokens\":[{\"token\":\"p\",\"activation\":1.5}]}]}";

    private const string MinimalDescriptions =
        "feature_id,general_activation_mean,general_activation_max,general_activation_min,personal_mean,personal_cohens_d,chat_desc,pt_desc,type,source,token,num_prompts,link,claude_completion,claude_desc,claude_type\n"
        + "1,0.5,2,0,1,0.1,c,p,general,s,t,1,l,,,\n";

    /// <summary>Lines of the prompts file, each one valid record.</summary>
    public static IReadOnlyList<byte[]> PromptLines { get; } = ShortestFirst(
    [
        MinimalPromptLine,
        .. File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "src", "Reports.Analysis", "Schemas", "personal_general_prompts.jsonl")),
        .. GeneratedSets().SelectMany(options =>
        {
            using var prompts = new MemoryStream();
            DataSetWriter.WritePrompts(options, prompts);
            return Encoding.UTF8.GetString(prompts.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }),
    ]);

    /// <summary>Whole descriptions files (a quoted cell may span lines, so they are not cut into lines).</summary>
    public static IReadOnlyList<byte[]> DescriptionFiles { get; } = ShortestFirst(
    [
        MinimalDescriptions,
        File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "src", "Reports.Analysis", "Schemas", "personal_general_desc.csv")),
        .. GeneratedSets().Where(o => o.Style == WriterStyle.Compact).Select(options =>
        {
            using var descriptions = new MemoryStream();
            DataSetWriter.WriteDescriptions(options, descriptions);
            return Encoding.UTF8.GetString(descriptions.ToArray());
        }),
    ]);

    private static IEnumerable<DataSetOptions> GeneratedSets() =>
        from style in WriterStyles.All
        from text in TextMixes.All
        select new DataSetOptions { Features = 2, PromptsPerFeature = 2, TokensPerPrompt = 4, Seed = 18, Style = style, Text = text };

    private static byte[][] ShortestFirst(IEnumerable<string> texts) => [.. texts.Select(Encoding.UTF8.GetBytes).OrderBy(b => b.Length)];
}
