using System.Diagnostics;
using Reports.DataGen;

namespace Reports.Build.Tests;

/// <summary>The GenerateActivationReport task as a build uses it: its files as items, and a cancelled build.</summary>
public sealed class ReportTaskTests
{
    private const string ListingTarget = """
          <Target Name="ListReportFiles" AfterTargets="GenerateActivationReports">
            <WriteLinesToFile File="$(MSBuildProjectDirectory)/listed.txt" Lines="@(ActivationReportFile->'%(Report)|%(FullPath)')" Overwrite="true" />
          </Target>
        """;

    [Fact]
    public void ActivationReportFile_ListsTheReportsFiles_WhenWrittenAndWhenUpToDate()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace("</Project>", ListingTarget + "</Project>", StringComparison.Ordinal));
        var listed = Path.Combine(project.Directory, "listed.txt");
        string[] expected = [.. project.ExpectedOutputs().Select(file => $"{ReportProject.ReportName}|{file}").Order(StringComparer.Ordinal)];

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(expected, File.ReadAllLines(listed).Order(StringComparer.Ordinal));

        File.Delete(listed);
        var second = project.Build("-v:n");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"ActivationReport '{ReportProject.ReportName}' -> {project.OutputDirectory}/: up to date", second.Output, StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllLines(listed).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CancelledBuild_KillsTheCommand_AndKeepsTheEarlierReport()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // signals and /proc: the build servers' Linux
        }

        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        var earlier = OutputSnapshot.Of(project.ExpectedOutputs());

        // Data that takes the command seconds, so the build is interrupted while it runs.
        var large = DataSetWriter.Write(new DataSetOptions { Features = 20_000, Seed = 7 }, Path.Combine(temp.Path, "large"));
        File.Copy(large.DescriptionsPath, project.DescriptionsPath, overwrite: true);
        File.Copy(large.PromptsPath, project.PromptsPath, overwrite: true);

        using var build = StartBuild(project);
        var command = WaitForCommand(project, build);
        Assert.True(command > 0, "the reports command never started");
        using (var interrupt = Process.Start("kill", ["-INT", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            interrupt.WaitForExit();
        }

        Assert.True(build.WaitForExit(TimeSpan.FromMinutes(2)), "the cancelled build did not end");
        Assert.NotEqual(0, build.ExitCode);
        Assert.False(Directory.Exists($"/proc/{command}") && IsCommandOf(project, command), "the reports command outlived the cancelled build");
        earlier.AssertUnchanged();
        Assert.Empty(Directory.GetFiles(project.OutputDirectory, "*.tmp"));
    }

    private static Process StartBuild(ReportProject project)
    {
        // A test run started from a background job inherits SIGINT ignored, and .NET keeps it ignored: env gives the build
        // the default disposition, as a user's build in a terminal has.
        var start = new ProcessStartInfo("env") { WorkingDirectory = project.Directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--default-signal=INT", "dotnet", "build", project.ProjectFile, "-nologo", "-tl:off", "-nodeReuse:false", .. TestEnvironment.BuiltToolProperties()])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in DotnetCli.Variables)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The process id of the reports command building this project's report, once it runs; 0 if the build ends first.</summary>
    private static int WaitForCommand(ReportProject project, Process build)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline && !build.HasExited)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var id) && IsCommandOf(project, id))
                {
                    return id;
                }
            }

            Thread.Sleep(20);
        }

        return 0;
    }

    private static bool IsCommandOf(ReportProject project, int processId)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{processId}/cmdline");
            // dotnet exec <reports.dll> build @<the project's response file>: not the build, whose arguments name reports.dll too.
            return commandLine.Contains("reports.dll\0build\0@", StringComparison.Ordinal) && commandLine.Contains(project.Directory, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // ended meanwhile
        }
    }
}
