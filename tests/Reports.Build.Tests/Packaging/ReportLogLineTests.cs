using System.Text.RegularExpressions;

namespace Reports.Build.Tests.Packaging;

/// <summary>
/// Issue 22, item 3: a build server's log at normal verbosity says, per report, where it went and what was written,
/// or that it was up to date, also when several report projects build at once (<c>-m</c>).
/// </summary>
public sealed class ReportLogLineTests
{
    [Fact]
    public void ParallelBuildOfTwoReportProjects_LogsOneLinePerReport_WrittenThenUpToDate()
    {
        using var temp = new TemporaryDirectory();
        var first = ReportProject.Create(Path.Combine(temp.Path, "first"), projectName: "report-first");
        var second = ReportProject.Create(Path.Combine(temp.Path, "second"), render: false, projectName: "report-second");
        var solution = Path.Combine(temp.Path, "reports.slnx");
        File.WriteAllText(solution, """
            <Solution>
              <Project Path="first/report-first.csproj" />
              <Project Path="second/report-second.csproj" />
            </Solution>
            """);
        string[] options = ["-m", "-v:n", .. TestEnvironment.BuiltToolProperties()];

        var build = DotnetCli.Build(temp.Path, solution, options);

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertOneLine(build, first, "wrote aggregate.csv, summary.json, summary.md, features.csv, heatmap.png, report.html, report.pdf, tokens.csv");
        AssertOneLine(build, second, "wrote aggregate.csv, summary.json, summary.md, features.csv, tokens.csv");

        var again = DotnetCli.Build(temp.Path, solution, options);

        Assert.True(again.ExitCode == 0, again.ToString());
        AssertOneLine(again, first, "up to date");
        AssertOneLine(again, second, "up to date");
    }

    private static void AssertOneLine(ProcessResult build, ReportProject project, string what)
    {
        var line = $"ActivationReport '{ReportProject.ReportName}' -> {project.OutputDirectory}{Path.DirectorySeparatorChar}: {what}";
        Assert.True(Regex.Count(build.Output, "^\\s*" + Regex.Escape(line) + "\\s*$", RegexOptions.Multiline) == 1,
            $"expected the line \"{line}\" once in:\n{build}");
    }
}
