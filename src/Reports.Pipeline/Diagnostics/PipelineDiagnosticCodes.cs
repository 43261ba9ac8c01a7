namespace Reports.Pipeline.Diagnostics;

/// <summary>
/// The codes of a report run beyond its inputs (its options, its outputs, what its documents cannot show) and of the
/// build targets that start it, which hold no C# and report theirs with MSBuild's Error task: listed here so every code
/// has one home. The inputs' codes are the analysis' (<see cref="Reports.Analysis.Diagnostics.DiagnosticCodes"/>).
/// README.md lists both; keep the three in step.
/// </summary>
public static class PipelineDiagnosticCodes
{
    // Errors of the run.
    public const string OutputFailed = "RPT030";

    // Errors of the MSBuild items, reported by Reports.Build.targets.
    public const string ItemMetadataMissing = "RPT040";
    public const string ItemRenderInvalid = "RPT041";
    public const string CommandAssemblyMissing = "RPT042";
    public const string CommandFailed = "RPT043";

    // Errors in a report's options (FeaturePages, FeaturePagesBy, HeatmapOrder, TopPrompts).
    public const string InvalidOption = "RPT050";

    // Warnings: the report is written, but something in it deserves a look.
    public const string UndrawableCharacter = "RPT107";

    // The history's gates (FailOn, docs/history.md): errors, or warnings with FailOnMode="warn". Each names the features.
    public const string GateRemoved = "RPT060";
    public const string GateAdded = "RPT061";
    public const string GateProfileShift = "RPT062";
    public const string GateCategoryChanged = "RPT063";
    public const string GateDescriptionChanged = "RPT064";
    public const string GateNewWarnings = "RPT065";

    // Warnings of the history: a snapshot that cannot be read is skipped, the history not written is said; never a failed build.
    public const string SnapshotCorrupt = "RPT110";
    public const string SnapshotNewerVersion = "RPT111";
    public const string HistoryNotWritten = "RPT112";
}
