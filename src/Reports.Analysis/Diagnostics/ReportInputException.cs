namespace Reports.Analysis.Diagnostics;

/// <summary>An error in a report's inputs found by the analysis (the readers throw their own kind).</summary>
public sealed class ReportInputException(ReportDiagnostic diagnostic) : Exception($"{diagnostic.Code}: {diagnostic.Message}")
{
    public ReportDiagnostic Diagnostic { get; } = diagnostic;
}
