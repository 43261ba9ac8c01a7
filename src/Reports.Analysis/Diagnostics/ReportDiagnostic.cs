using System.Globalization;

namespace Reports.Analysis.Diagnostics;

/// <summary>
/// A problem found in a report's inputs, located in a file. <see cref="ToString"/> gives MSBuild's
/// canonical format, <c>file(line,col): error CODE: message</c>, which IDEs and build servers link.
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

    public override string ToString()
    {
        var severity = IsError ? "error" : "warning";
        var origin = File is null ? "reports" : Line <= 0 ? File
            : Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}({Line})")
            : string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})");
        return $"{origin}: {severity} {Code}: {Message}";
    }
}
