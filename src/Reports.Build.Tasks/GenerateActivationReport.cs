using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Reports.Build.Tasks;

/// <summary>
/// Builds one activation report: runs the <c>reports</c> command (<c>dotnet exec reports.dll build @options.rsp</c>) in a
/// process of its own, logs its <c>file(line,col): error RPTnnn: message</c> lines as located errors and warnings, and
/// returns the files it wrote as items.
/// </summary>
/// <remarks>
/// Out of process on purpose: the command runs fully optimised from its first call, native Skia stays out of MSBuild's
/// nodes, and a cancelled build kills it before it renames anything into place, so an earlier report stays whole. The
/// targets set <c>YieldDuringToolExecution</c>: while the command runs, its MSBuild node builds other projects.
/// </remarks>
public sealed class GenerateActivationReport : ToolTask
{
    /// <summary>The exit code with which the command says that its located errors explain the failure.</summary>
    private const int ExplainedFailure = 1;

    private readonly List<ITaskItem> writtenFiles = [];

    /// <summary>The report's name (the item's identity), for the messages that are not the command's own.</summary>
    [Required]
    public string ReportName { get; set; } = "";

    /// <summary>The built <c>reports.dll</c>, beside its <c>.deps.json</c> and <c>.runtimeconfig.json</c>.</summary>
    [Required]
    public string CommandAssembly { get; set; } = "";

    /// <summary>The command's options, one argument per line: a title with quotes or semicolons needs no quoting.</summary>
    [Required]
    public string ResponseFile { get; set; } = "";

    /// <summary>The <c>dotnet</c> host that runs the command: a full path, or a name looked up on the PATH.</summary>
    public string DotnetHost { get; set; } = "dotnet";

    /// <summary>The files the command wrote, as it listed them on its standard output (full paths).</summary>
    [Output]
    public ITaskItem[] WrittenFiles => [.. writtenFiles];

    protected override string ToolName => Path.GetFileName(DotnetHost);

    // Standard output lists the written files, one a line; standard error carries progress and the located diagnostics.
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    protected override string GenerateFullPathToTool() => DotnetHost;

    protected override string GenerateCommandLineCommands()
    {
        var command = new CommandLineBuilder();
        command.AppendSwitch("exec");
        command.AppendFileNameIfNotNull(CommandAssembly);
        command.AppendSwitch("build");
        command.AppendSwitchIfNotNull("@", ResponseFile);
        return command.ToString();
    }

    /// <summary>
    /// The folder the command runs in: the project's, so the item's relative Prompts and Partials (patterns included,
    /// which the command expands) are the project's. A task host does not know the project's file, so it is passed.
    /// </summary>
    public string? WorkingDirectory { get; set; }

    protected override string? GetWorkingDirectory() => string.IsNullOrEmpty(WorkingDirectory) ? Path.GetDirectoryName(BuildEngine.ProjectFileOfTaskNode) : WorkingDirectory;

    protected override bool ValidateParameters()
    {
        if (!File.Exists(CommandAssembly))
        {
            Log.LogError(null, "RPT042", null, BuildEngine.ProjectFileOfTaskNode, 0, 0, 0, 0,
                $"The reports command was not found at '{CommandAssembly}': build src/Reports.Cli first, or set ReportsCommandAssembly to a built reports.dll.");
            return false;
        }

        return base.ValidateParameters();
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        // Only this task's own choice of importance tells the two streams apart (see the overrides above).
        if (messageImportance == StandardOutputLoggingImportance && IsServiceMessage(singleLine))
        {
            // A build server's service message (Azure DevOps, TeamCity): its agent reads the build's console, which
            // shows standard output's Low lines only at detailed verbosity; High shows at minimal. Never a written file.
            Log.LogMessage(MessageImportance.High, "{0}", singleLine);
            return;
        }

        if (messageImportance == StandardOutputLoggingImportance && Path.IsPathRooted(singleLine))
        {
            writtenFiles.Add(new TaskItem(singleLine));
        }

        base.LogEventsFromTextOutput(singleLine, messageImportance);
    }

    private static bool IsServiceMessage(string line) =>
        line.StartsWith("##vso[", StringComparison.Ordinal) || line.StartsWith("##teamcity[", StringComparison.Ordinal);

    protected override bool HandleTaskExecutionErrors()
    {
        writtenFiles.Clear();
        if (ExitCode == ExplainedFailure && Log.HasLoggedErrors)
        {
            // Each located error already names its cause; a line repeating the command would only add noise.
            return false;
        }

        Log.LogError(null, "RPT043", null, BuildEngine.ProjectFileOfTaskNode, 0, 0, 0, 0,
            $"ActivationReport '{ReportName}' was not written: the reports command exited with code {ExitCode} without saying why in a located error (a crash, a kill or wrong usage: its output above has the details); the files of its previous build are kept.");
        return false;
    }
}
