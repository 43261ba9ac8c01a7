namespace Reports.Analysis.Tests;

/// <summary>Where test data lives: the repository's demo data, and fresh temporary folders.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DemoDescriptions => Path.Combine(RepositoryRoot, "reports", "personal-general", "data", "personal_general_desc.csv");

    public static string DemoPrompts => Path.Combine(RepositoryRoot, "reports", "personal-general", "data", "personal_general_prompts.jsonl");

    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "reports-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepositoryRoot() =>
        typeof(TestData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
