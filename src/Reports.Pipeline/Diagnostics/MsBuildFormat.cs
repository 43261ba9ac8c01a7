using System.Globalization;
using Reports.Analysis.Diagnostics;

namespace Reports.Pipeline.Diagnostics;

/// <summary>
/// A diagnostic as one line in MSBuild's canonical format, <c>file(line,col): error CODE: message</c>, which the
/// build's log takes from the command as it is and which IDEs and build servers link to the place.
/// </summary>
public static class MsBuildFormat
{
    public static string Line(ReportDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var severity = diagnostic.IsError ? "error" : "warning";
        var origin = diagnostic.File is null ? "reports" : diagnostic.Line <= 0 ? diagnostic.File
            : diagnostic.Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{diagnostic.File}({diagnostic.Line})")
            : string.Create(CultureInfo.InvariantCulture, $"{diagnostic.File}({diagnostic.Line},{diagnostic.Column})");
        return $"{origin}: {severity} {diagnostic.Code}: {diagnostic.Message}";
    }
}
