using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Reports.Analysis.Diagnostics;

namespace Reports.Build;

/// <summary>
/// Builds one activation report (one <c>ActivationReport</c> item) by running the <c>reports</c> command, which ships
/// beside this task. A process of its own runs the pipeline compiled fully optimised from the start (the command turns
/// tiered compilation off; a task host cannot), keeps native Skia out of MSBuild, and is killed on Ctrl+C before it
/// renames anything into place. Its diagnostics are MSBuild's canonical format, so they reach the log with their file,
/// line, column and code. Build/Reports.Build.targets runs it once per item, only when an input changed.
/// </summary>
public sealed class GenerateActivationReport : ToolTask
{
    private readonly List<ITaskItem> written = [];

    /// <summary>The item's identity, e.g. "personal-general".</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The feature-descriptions CSV.</summary>
    [Required]
    public string Descriptions { get; set; } = "";

    /// <summary>The active-prompts JSONL.</summary>
    [Required]
    public string Prompts { get; set; } = "";

    [Required]
    public string OutputDirectory { get; set; } = "";

    public string? Title { get; set; }

    /// <summary>False writes only the data files (aggregate.csv, summary.json, tokens.csv).</summary>
    public bool Render { get; set; } = true;

    /// <summary>A number N (top N by <see cref="FeaturePagesBy"/>), "all", "none", or a list of feature ids.</summary>
    public string? FeaturePages { get; set; }

    /// <summary>The descriptions column that ranks features for a numeric <see cref="FeaturePages"/>.</summary>
    public string? FeaturePagesBy { get; set; }

    /// <summary>Strongest prompts per feature page. A string, so a wrong value gets our RPT050 rather than MSB4030.</summary>
    public string? TopPrompts { get; set; }

    /// <summary>"id" or "clustered".</summary>
    public string? HeatmapOrder { get; set; }

    /// <summary>The command's assembly; by default <c>reports.dll</c> beside this task.</summary>
    public string? CommandAssembly { get; set; }

    /// <summary>The files the report wrote, full paths.</summary>
    [Output]
    public ITaskItem[] WrittenFiles => [.. written];

    protected override string ToolName => "dotnet";

    /// <summary>Progress lines ("read 45% of the prompts ...") show at normal verbosity.</summary>
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    public override bool Execute()
    {
        if (!string.IsNullOrWhiteSpace(TopPrompts) && !int.TryParse(TopPrompts, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            Log.LogError(null, DiagnosticCodes.InvalidOption, null, null, 0, 0, 0, 0,
                $"ActivationReport '{Name}': TopPrompts: expected a whole number of prompts, found '{TopPrompts}'");
            return false;
        }

        return base.Execute();
    }

    /// <summary>The dotnet host MSBuild itself runs on (DOTNET_HOST_PATH), else the one on the PATH.</summary>
    protected override string GenerateFullPathToTool() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : ToolName;

    protected override string GenerateCommandLineCommands()
    {
        var command = new CommandLineBuilder();
        command.AppendSwitch("exec");
        command.AppendFileNameIfNotNull(CommandAssembly ?? Path.Combine(Path.GetDirectoryName(typeof(GenerateActivationReport).Assembly.Location)!, "reports.dll"));
        command.AppendSwitch("build");
        command.AppendSwitchIfNotNull("--name ", Name);
        command.AppendSwitchIfNotNull("--descriptions ", Path.GetFullPath(Descriptions));
        command.AppendSwitchIfNotNull("--prompts ", Path.GetFullPath(Prompts));
        command.AppendSwitchIfNotNull("--out ", Path.GetFullPath(OutputDirectory));
        command.AppendSwitchIfNotNull("--title ", string.IsNullOrWhiteSpace(Title) ? null : Title);
        command.AppendSwitchIfNotNull("--feature-pages ", string.IsNullOrWhiteSpace(FeaturePages) ? null : FeaturePages);
        command.AppendSwitchIfNotNull("--feature-pages-by ", string.IsNullOrWhiteSpace(FeaturePagesBy) ? null : FeaturePagesBy);
        command.AppendSwitchIfNotNull("--top-prompts ", string.IsNullOrWhiteSpace(TopPrompts) ? null : TopPrompts);
        command.AppendSwitchIfNotNull("--heatmap-order ", string.IsNullOrWhiteSpace(HeatmapOrder) ? null : HeatmapOrder);
        if (!Render)
        {
            command.AppendSwitch("--no-render");
        }

        // Progress every few seconds on standard error; the written files on standard output.
        command.AppendSwitch("--verbose");
        return command.ToString();
    }

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (Path.IsPathFullyQualified(singleLine) && File.Exists(singleLine))
        {
            written.Add(new TaskItem(singleLine));
        }

        // Parses `file(line,col): error RPTnnn: message` into a located error, anything else into a message.
        base.LogEventsFromTextOutput(singleLine, messageImportance);
    }

    /// <summary>The command's errors are already logged with their locations: no extra "exited with code 1" error.</summary>
    protected override bool HandleTaskExecutionErrors() => Log.HasLoggedErrors ? false : base.HandleTaskExecutionErrors();
}
