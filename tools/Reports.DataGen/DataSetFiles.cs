namespace Reports.DataGen;

/// <summary>The two files of a data set, named as the users' analysis names them.</summary>
public sealed record DataSetFiles(string DescriptionsPath, string PromptsPath)
{
    public const string DescriptionsFileName = "personal_general_desc.csv";
    public const string PromptsFileName = "personal_general_prompts.jsonl";
}
