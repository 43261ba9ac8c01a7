using System.Security;
using Reports.DataGen;

namespace Reports.Build.Tests;

/// <summary>
/// A report project like reports/personal-general, made in a folder of its own: generated data under data/ and a
/// project file that imports the repository's reports/Directory.Build.props and root Directory.Build.targets
/// explicitly (the folder is outside the repository, so nothing else is picked up).
/// </summary>
internal sealed class ReportProject
{
    public const string ReportName = "personal-general";

    private ReportProject(string directory, string projectName)
    {
        Directory = directory;
        ProjectFile = Path.Combine(directory, projectName + ".csproj");
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public string DescriptionsPath => Path.Combine(Directory, "data", "personal_general_desc.csv");

    public string PromptsPath => Path.Combine(Directory, "data", "personal_general_prompts.jsonl");

    public string OutputDirectory => Path.Combine(Directory, "out");

    /// <summary>Demo-like data (19 features, seed 42) and an ActivationReport item with the demo's metadata.</summary>
    /// <param name="projectName">Projects built together need distinct names: an artifacts path keys obj/ by project name.</param>
    public static ReportProject Create(string directory, string title = "Personal Feature Activation by Prompt Category", bool render = true,
        string projectName = "report")
    {
        var project = new ReportProject(directory, projectName);
        WriteData(Path.Combine(directory, "data"), project.DescriptionsPath, project.PromptsPath);
        project.WriteProjectFile(ReportItem(title, render));
        return project;
    }

    /// <summary>The demo data, written to the given paths.</summary>
    public static void WriteData(string scratchDirectory, string descriptionsPath, string promptsPath)
    {
        System.IO.Directory.CreateDirectory(scratchDirectory);
        var files = DataSetWriter.Write(new DataSetOptions { Features = 19, Seed = 42 }, Path.Combine(scratchDirectory, "generated"));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(descriptionsPath)!);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(promptsPath)!);
        File.Copy(files.DescriptionsPath, descriptionsPath, overwrite: true);
        File.Copy(files.PromptsPath, promptsPath, overwrite: true);
    }

    public static string ReportItem(string title, bool render = true) => $"""
            <ActivationReport Include="{ReportName}"
                              Descriptions="data/personal_general_desc.csv"
                              Prompts="data/personal_general_prompts.jsonl"
                              Title="{SecurityElement.Escape(title)}"
                              Render="{(render ? "true" : "false")}" />
        """;

    /// <summary>Rewrites the project file with the given items (XML inside an ItemGroup).</summary>
    public void WriteProjectFile(string items)
    {
        var root = TestEnvironment.RepositoryRoot;
        File.WriteAllText(ProjectFile, $"""
            <Project>
              <PropertyGroup>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
              </PropertyGroup>
              <Import Project="{Path.Combine(root, "reports", "Directory.Build.props")}" />
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <ItemGroup>
            {items}
              </ItemGroup>
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{Path.Combine(root, "Directory.Build.targets")}" />
            </Project>
            """);
    }

    /// <summary><c>dotnet build</c> of this project, running the command built for this test run.</summary>
    public ProcessResult Build(params IEnumerable<string> options) =>
        DotnetCli.Build(Directory, ProjectFile, [.. TestEnvironment.BuiltToolProperties(), .. options]);

    /// <summary>The full paths the pipeline writes for this report.</summary>
    public IEnumerable<string> ExpectedOutputs(bool render = true) =>
        Reports.Pipeline.ReportPipeline.OutputFileNames(render).Select(name => Path.Combine(OutputDirectory, name));
}
