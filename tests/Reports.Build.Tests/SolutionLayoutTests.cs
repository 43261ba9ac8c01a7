using System.Text.RegularExpressions;

namespace Reports.Build.Tests;

/// <summary>
/// README's first command builds what the demo report needs, not the tests, the benchmark or the data generator
/// (they are in the solution for the IDE); the second runs every test project (Directory.Solution.targets).
/// </summary>
public sealed partial class SolutionLayoutTests
{
    [Fact]
    public void TheSolutionBuildsOnlyTheCommandAndTheReports()
    {
        var solution = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "Reports.sln"));
        var projects = ProjectLine().Matches(solution)
            .Where(m => m.Groups["path"].Value.EndsWith(".csproj", StringComparison.Ordinal))
            .ToDictionary(m => m.Groups["guid"].Value, m => m.Groups["path"].Value.Replace('\\', '/'), StringComparer.OrdinalIgnoreCase);
        var built = BuildLine().Matches(solution)
            .Select(m => projects[m.Groups["guid"].Value])
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(built);
        foreach (var path in projects.Values)
        {
            var shouldBuild = path.StartsWith("src/", StringComparison.Ordinal) || path.StartsWith("reports/", StringComparison.Ordinal);
            Assert.True(shouldBuild == built.Contains(path), $"{path} is {(built.Contains(path) ? "" : "not ")}built by `dotnet build`");
        }
    }

    [Fact]
    public void EveryTestProjectIsInTheSolutionAndRunByDotnetTest()
    {
        var root = TestEnvironment.RepositoryRoot;
        var solution = File.ReadAllText(Path.Combine(root, "Reports.sln")).Replace('\\', '/');
        var testProjects = Directory.GetDirectories(Path.Combine(root, "tests"))
            .SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .ToArray();

        Assert.NotEmpty(testProjects);
        foreach (var project in testProjects)
        {
            Assert.Contains($"\"{project}\"", solution, StringComparison.Ordinal);
            // Directory.Solution.targets runs tests/*/*.Tests.csproj.
            Assert.EndsWith(".Tests.csproj", project, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\) = "[^"]*", "(?<path>[^"]+)", "\{(?<guid>[^}]+)\}"$""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    [GeneratedRegex("""^\s*\{(?<guid>[^}]+)\}\.Debug\|Any CPU\.Build\.0 = """, RegexOptions.Multiline)]
    private static partial Regex BuildLine();
}
