using System.Reflection;

namespace Reports.Build.Tests;

/// <summary>Where the repository and the task assembly built for this test run are (recorded at build time).</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The Reports.Build.dll in its project's output folder, beside its .deps.json.</summary>
    public static string ReportsTaskAssembly { get; } = Metadata("ReportsTaskAssembly");

    private static string Metadata(string key)
    {
        var value = typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"The test assembly has no '{key}' metadata; see Reports.Build.Tests.csproj.");
        }

        return Path.GetFullPath(value);
    }
}
