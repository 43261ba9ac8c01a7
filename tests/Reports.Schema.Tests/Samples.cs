namespace Reports.Schema.Tests;

/// <summary>Small schema samples shaped like the real ones, and the repository's committed samples.</summary>
internal static class Samples
{
    public static Sample Rows { get; } = new("rows.csv", """
        feature_id,mean,label,note
        1,0.5,therapy,first
        2,1,code,
        """, "Row");

    public static Sample Records { get; } = new("records.jsonl", """
        {"feature_id": 1, "token": "x", "active_prompts": [{"prompt_id": 10, "prompt_label": "code", "prompt_feature_activation": 1.5, "tokenized_prompt": ["▁a", "b"], "tokens": [{"token": "b", "activation": 1.5}]}]}
        {"feature_id": 2, "token": "y", "active_prompts": []}
        """, "Record");

    public static Sample Committed(string fileName, string recordName) =>
        new(fileName, File.ReadAllText(Path.Combine(RepositoryRoot, "src", "Reports.Analysis", "Schemas", fileName)), recordName);

    public static string RepositoryRoot =>
        typeof(Samples).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
