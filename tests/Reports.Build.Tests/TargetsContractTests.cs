using System.Text.Json;
using Reports.Pipeline;

namespace Reports.Build.Tests;

/// <summary>
/// Reports.Build.targets names a report's files in advance (its Outputs); they must be the files the pipeline writes,
/// or the report is either never up to date or up to date while a file is missing.
/// </summary>
public sealed class TargetsContractTests
{
    [Fact]
    public void TargetsListTheFilesThePipelineWrites()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);

        var evaluation = DotnetCli.Run(project.Directory, "msbuild", project.ProjectFile, "-nologo",
            "-getProperty:ActivationReportDataFileNames", "-getProperty:ActivationReportRenderedFileNames",
            $"-p:ReportsCommandAssembly={TestEnvironment.ReportsCommandAssembly}");

        Assert.True(evaluation.ExitCode == 0, evaluation.ToString());
        using var json = JsonDocument.Parse(evaluation.Output);
        var properties = json.RootElement.GetProperty("Properties");
        var data = Names(properties.GetProperty("ActivationReportDataFileNames").GetString());
        var rendered = Names(properties.GetProperty("ActivationReportRenderedFileNames").GetString());
        Assert.Equal(ReportPipeline.OutputFileNames(render: false).Order(StringComparer.Ordinal), data.Order(StringComparer.Ordinal));
        Assert.Equal(ReportPipeline.OutputFileNames(render: true).Order(StringComparer.Ordinal), data.Concat(rendered).Order(StringComparer.Ordinal));
    }

    private static string[] Names(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
