using System.Reflection;

namespace Reports.Build.Tests;

/// <summary>Where the repository and the command built for this test run are (recorded at build time).</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The reports.dll in its project's output folder, beside its .deps.json and runtimeconfig.</summary>
    public static string ReportsCommandAssembly { get; } = Metadata("ReportsCommandAssembly");

    /// <summary>The report task's assembly in its project's output folder.</summary>
    public static string ReportsTaskAssembly { get; } = Metadata("ReportsTaskAssembly");

    /// <summary>The properties a build under test needs to run this test run's command and task.</summary>
    public static IEnumerable<string> BuiltToolProperties(string? commandAssembly = null) =>
        [$"-p:ReportsCommandAssembly={commandAssembly ?? ReportsCommandAssembly}", $"-p:ReportsTaskAssembly={ReportsTaskAssembly}"];

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
