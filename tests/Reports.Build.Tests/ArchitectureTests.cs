using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Reports.Build.Tests;

/// <summary>
/// docs/architecture.md's table of project references held to the project files, and the layering it implies held to
/// the test projects: tests/Reports.X.Tests references src/Reports.X, what that references (directly or not) and the
/// data generator, never a project above the one it tests.
/// </summary>
public sealed partial class ArchitectureTests
{
    private const string DataGenerator = "Reports.DataGen";

    private static readonly string Root = TestEnvironment.RepositoryRoot;

    [Fact]
    public void The_documents_table_lists_every_src_project_with_its_references()
    {
        var documented = DocumentedReferences();
        var actual = SourceProjectReferences();

        Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (project, references) in actual)
        {
            Assert.True(references.SetEquals(documented[project]),
                $"{project} references {Listed(references)} in its project files; docs/architecture.md says {Listed(documented[project])}");
        }
    }

    [Fact]
    public void Rendering_references_no_project_of_ours()
    {
        // What the pipeline translates for it is plain data; the document says so, and this keeps it true.
        Assert.Empty(SourceProjectReferences()["Reports.Rendering"]);
    }

    [Fact]
    public void No_test_project_references_a_project_above_the_one_it_tests()
    {
        var graph = SourceProjectReferences();
        var testProjects = TestProjectReferences();
        Assert.NotEmpty(testProjects);

        foreach (var (testProject, references) in testProjects)
        {
            var tested = testProject[..^".Tests".Length];
            Assert.True(graph.ContainsKey(tested), $"tests/{testProject} is named for src/{tested}, which has no project file");
            var allowed = Below(tested, graph);
            allowed.Add(tested);
            allowed.Add(DataGenerator);
            foreach (var reference in references)
            {
                Assert.True(allowed.Contains(reference), $"tests/{testProject} references {reference}, which is above {tested}: test it in tests/{reference}.Tests instead");
            }
        }
    }

    /// <summary>The src/* projects' references: the file names of the ProjectReference items in each folder's .csproj and .targets files.</summary>
    private static Dictionary<string, HashSet<string>> SourceProjectReferences()
    {
        var projects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var directory in Directory.GetDirectories(Path.Combine(Root, "src")))
        {
            var files = Directory.GetFiles(directory, "*.csproj").Concat(Directory.GetFiles(directory, "*.targets")).ToArray();
            if (files.Length > 0)
            {
                projects[Path.GetFileName(directory)] = [.. files.SelectMany(ProjectReferences)];
            }
        }

        Assert.NotEmpty(projects);
        return projects;
    }

    private static Dictionary<string, HashSet<string>> TestProjectReferences() =>
        Directory.GetDirectories(Path.Combine(Root, "tests"))
            .SelectMany(d => Directory.GetFiles(d, "*.Tests.csproj"))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => ProjectReferences(p).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The referenced projects' names: the file name of each Include, whatever property its path starts with.</summary>
    private static IEnumerable<string> ProjectReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? throw new Xunit.Sdk.XunitException($"{projectFile}: a ProjectReference without Include"))
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/').Split('/')[^1]));

    /// <summary>What <paramref name="project"/> references, directly or through others.</summary>
    private static HashSet<string> Below(string project, Dictionary<string, HashSet<string>> graph)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(graph.GetValueOrDefault(project) ?? []);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in graph.GetValueOrDefault(next) ?? [])
                {
                    pending.Push(further);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// The rows of the table whose header is <c>| project | references | ...</c>: the project's name, and the names in
    /// backticks in its references cell (none for "none").
    /// </summary>
    private static Dictionary<string, HashSet<string>> DocumentedReferences()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "architecture.md"));
        var header = Array.FindIndex(lines, l => HeaderRow().IsMatch(l));
        Assert.True(header >= 0, "docs/architecture.md has no table headed | project | references |");

        var rows = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var names = BacktickedName().Matches(cells[1]).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
            Assert.True(names.Count > 0 || cells[1] == "none", $"docs/architecture.md: {cells[0]}'s references are neither names in backticks nor \"none\"");
            Assert.True(rows.TryAdd(cells[0].Trim('`'), names), $"docs/architecture.md lists {cells[0]} twice");
        }

        return rows;
    }

    private static string Listed(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order(StringComparer.Ordinal)) : "nothing";

    [GeneratedRegex(@"^\|\s*project\s*\|\s*references\s*\|")]
    private static partial Regex HeaderRow();

    [GeneratedRegex("`(?<name>[^`]+)`")]
    private static partial Regex BacktickedName();
}
