namespace Reports.Analysis.Diagnostics;

/// <summary>
/// The codes of the problems the analysis finds in a report's inputs: every diagnostic the tool reports has its own
/// code, so users can silence (<c>NoWarn</c>) or promote (<c>MSBuildWarningsAsErrors</c>) exactly one kind. The codes
/// of a run's options and outputs and of the build targets are the pipeline's (Reports.Pipeline's
/// <c>PipelineDiagnosticCodes</c>). README.md lists both; keep the three in step.
/// </summary>
public static class DiagnosticCodes
{
    // Errors about the files themselves.
    public const string FileNotFound = "RPT001";
    public const string EmptyFile = "RPT002";
    public const string UnsupportedEncoding = "RPT003";

    /// <summary>An input file exists but cannot be opened or read: no permission, or locked by another program.</summary>
    public const string UnreadableFile = "RPT004";

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

    // An error of a file that changed while the report was built (read back after the analysis read it).
    public const string InputChanged = "RPT021";

    /// <summary>A compressed prompts file (gzip, Zstandard) is damaged or cut short.</summary>
    public const string CorruptCompressedInput = "RPT022";

    /// <summary>A partial aggregate that does not read: damaged, cut short, of another version, or not one at all.</summary>
    public const string UnreadablePartial = "RPT023";

    // Warnings: the report is written, but something in the data deserves a look.
    public const string FeatureWithoutDescription = "RPT101";
    public const string DescriptionWithoutPrompts = "RPT102";
    public const string PromptCountMismatch = "RPT103";
    public const string RepeatedFeatureRecord = "RPT104";
    public const string FeatureWithoutPrompts = "RPT105";
    public const string MissingDescriptionValues = "RPT106";
    public const string LoneSurrogate = "RPT108";
}
