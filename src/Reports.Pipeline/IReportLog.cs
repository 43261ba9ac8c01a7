using Reports.Analysis.Diagnostics;

namespace Reports.Pipeline;

/// <summary>Where a report run sends its diagnostics and progress: MSBuild's logger, or the console.</summary>
public interface IReportLog
{
    void Report(ReportDiagnostic diagnostic);

    void Progress(string message);
}
