using Reports.Analysis.Diagnostics;

namespace Reports.Pipeline;

/// <summary>Where a report run sends its diagnostics and progress: MSBuild's logger, or the console.</summary>
public interface IReportLog
{
    void Report(ReportDiagnostic diagnostic);

    void Progress(string message);

    /// <summary>
    /// How far the prompts file has been read: called from the reading threads after every chunk (a few megabytes),
    /// so an implementation throttles what it shows and must be thread-safe. Ignored unless implemented.
    /// </summary>
    void ReadProgress(long bytesRead, long totalBytes)
    {
    }
}
