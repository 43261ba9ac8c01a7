namespace Reports.Analysis.Diagnostics;

/// <summary>How a <see cref="ReportDiagnostic"/> affects the build.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The report is still written; the build logs a warning.</summary>
    Warning,

    /// <summary>No output is written and the build fails.</summary>
    Error,
}
