namespace Reports.Analysis.Diagnostics;

/// <summary>
/// A problem found in a report's inputs, located in a file. How it is printed is the caller's business (the pipeline
/// writes MSBuild's canonical format, <c>MsBuildFormat</c>).
/// </summary>
/// <param name="Line">1-based; 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based, in characters of that line; 0 when unknown.</param>
public sealed record ReportDiagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    string? File = null,
    long Line = 0,
    long Column = 0)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;
}
