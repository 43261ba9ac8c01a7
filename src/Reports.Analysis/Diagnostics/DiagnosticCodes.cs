namespace Reports.Analysis.Diagnostics;

/// <summary>
/// Every diagnostic the tool reports has its own code, so users can silence (<c>NoWarn</c>) or promote
/// (<c>MSBuildWarningsAsErrors</c>) exactly one kind. README.md lists them; keep the two in step.
/// </summary>
public static class DiagnosticCodes
{
    // Errors about the files themselves.
    public const string FileNotFound = "RPT001";
    public const string EmptyFile = "RPT002";
    public const string UnsupportedEncoding = "RPT003";

    // Errors in the data, located at line and column.
    public const string MalformedJson = "RPT010";
    public const string MalformedCsv = "RPT011";
    public const string MissingColumn = "RPT012";
    public const string WrongFieldCount = "RPT013";
    public const string MissingField = "RPT014";
    public const string TypeMismatch = "RPT015";
    public const string NonFiniteNumber = "RPT016";
    public const string DuplicateColumn = "RPT017";
    public const string DuplicateDescription = "RPT018";
    public const string DuplicateField = "RPT019";
    public const string LineTooLong = "RPT020";

    // Errors of the run.
    public const string OutputFailed = "RPT030";

    // Errors of the MSBuild items, reported by Reports.Build.targets (listed here so every code has one home).
    public const string ItemMetadataMissing = "RPT040";
    public const string ItemRenderInvalid = "RPT041";
    public const string CommandAssemblyMissing = "RPT042";
    public const string CommandFailed = "RPT043";

    // Errors in a report's options (FeaturePages, FeaturePagesBy, HeatmapOrder, TopPrompts).
    public const string InvalidOption = "RPT050";

    // Warnings: the report is written, but something deserves a look.
    public const string FeatureWithoutDescription = "RPT101";
    public const string DescriptionWithoutPrompts = "RPT102";
    public const string PromptCountMismatch = "RPT103";
    public const string RepeatedFeatureRecord = "RPT104";
    public const string FeatureWithoutPrompts = "RPT105";
    public const string MissingDescriptionValues = "RPT106";
    public const string UndrawableCharacter = "RPT107";
    public const string LoneSurrogate = "RPT108";
}
