using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Reports.Pipeline;

namespace Reports.Build;

/// <summary>
/// Builds one activation report (one <c>ActivationReport</c> item) with <see cref="ReportPipeline"/>.
/// Build/Reports.Build.targets runs it out of process (TaskHostFactory), once per item, only when an input changed.
/// </summary>
public sealed class GenerateActivationReport : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

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

    /// <summary>False writes only the data files (aggregate.csv, summary.json).</summary>
    public bool Render { get; set; } = true;

    /// <summary>"all", "none", a number N (top N by <see cref="FeaturePagesBy"/>) or a list of feature ids.</summary>
    public string? FeaturePages { get; set; }

    /// <summary>The descriptions column that ranks features for a numeric <see cref="FeaturePages"/>.</summary>
    public string? FeaturePagesBy { get; set; }

    /// <summary>Strongest prompts per feature page. A string, so a wrong value gets our RPT050 rather than MSB4030.</summary>
    public string? TopPrompts { get; set; }

    /// <summary>"id" or "clustered".</summary>
    public string? HeatmapOrder { get; set; }

    /// <summary>The files the report wrote, full paths.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    public override bool Execute()
    {
        var topPrompts = 5;
        if (!string.IsNullOrWhiteSpace(TopPrompts)
            && !int.TryParse(TopPrompts, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out topPrompts))
        {
            Log.LogError(null, Reports.Analysis.Diagnostics.DiagnosticCodes.InvalidOption, null, null, 0, 0, 0, 0,
                $"ActivationReport '{Name}': TopPrompts: expected a whole number of prompts, found '{TopPrompts}'");
            return false;
        }

        var request = new ReportRequest
        {
            Name = Name,
            DescriptionsPath = Path.GetFullPath(Descriptions),
            PromptsPath = Path.GetFullPath(Prompts),
            OutputDirectory = Path.GetFullPath(OutputDirectory),
            Title = string.IsNullOrWhiteSpace(Title) ? null : Title,
            Render = Render,
            FeaturePages = string.IsNullOrWhiteSpace(FeaturePages) ? ReportRequest.DefaultFeaturePages : FeaturePages,
            FeaturePagesBy = string.IsNullOrWhiteSpace(FeaturePagesBy) ? "personal_cohens_d" : FeaturePagesBy,
            TopPrompts = topPrompts,
            HeatmapOrder = string.IsNullOrWhiteSpace(HeatmapOrder) ? "id" : HeatmapOrder,
            SourceDate = ReportRequest.SourceDateFromEnvironment(),
        };

        try
        {
            var outcome = ReportPipeline.Run(request, new MSBuildReportLog(Log), cancellation.Token);
            WrittenFiles = [.. outcome.WrittenFiles.Select(file => new TaskItem(file))];
            return outcome.Succeeded && !Log.HasLoggedErrors;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl+C: the pipeline stopped before renaming anything into place, so the previous report stands.
            return false;
        }
    }

    /// <summary>Called by MSBuild when the build is cancelled.</summary>
    public void Cancel() => cancellation.Cancel();
}
