using System.Text;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>A descriptions CSV of one feature (7) whose row has raw bytes in one text column and ordinary values elsewhere.</summary>
internal static class DescriptionsFile
{
    public const long FeatureId = 7;

    /// <summary>The columns of the schema sample personal_general_desc.csv, in its order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "feature_id", "general_activation_mean", "general_activation_max", "general_activation_min", "personal_mean", "personal_cohens_d",
        "chat_desc", "pt_desc", "type", "source", "token", "num_prompts", "link", "claude_completion", "claude_desc", "claude_type",
    ];

    /// <summary>The text columns; the last three may be empty (then they read as null).</summary>
    public static IReadOnlyList<string> TextColumns { get; } =
        ["chat_desc", "pt_desc", "type", "source", "token", "link", "claude_completion", "claude_desc", "claude_type"];

    public static bool IsNullable(string column) => column.StartsWith("claude_", StringComparison.Ordinal);

    /// <summary>Writes the header and the row, each ended by <paramref name="lineEnd"/>, and gives the file's path.</summary>
    public static string Write(string name, string column, byte[] rawField, string lineEnd)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Join(',', Columns) + lineEnd));
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i > 0)
            {
                bytes.Add((byte)',');
            }

            bytes.AddRange(Columns[i] == column ? rawField : Encoding.UTF8.GetBytes(OrdinaryValue(Columns[i])));
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(lineEnd));
        var path = CaseDirectory.NewFile(name, ".csv");
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    public static string? ValueIn(FeatureDescription row, string column) => column switch
    {
        "chat_desc" => row.ChatDesc,
        "pt_desc" => row.PtDesc,
        "type" => row.Type,
        "source" => row.Source,
        "token" => row.Token,
        "link" => row.Link,
        "claude_completion" => row.ClaudeCompletion,
        "claude_desc" => row.ClaudeDesc,
        "claude_type" => row.ClaudeType,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a text column"),
    };

    private static string OrdinaryValue(string column) => column switch
    {
        "feature_id" => "7",
        "num_prompts" => "3",
        _ when TextColumns.Contains(column) => "text",
        _ => "1.5",
    };
}
