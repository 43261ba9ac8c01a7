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

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reports.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Reports.sln not found above " + AppContext.BaseDirectory);
    }
}
