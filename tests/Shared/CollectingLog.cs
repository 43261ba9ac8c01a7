using Reports.Analysis.Diagnostics;
using Reports.Pipeline;

namespace Reports.Tests;

internal sealed class CollectingLog : IReportLog
{
    public List<ReportDiagnostic> Diagnostics { get; } = [];

    public void Report(ReportDiagnostic diagnostic) => Diagnostics.Add(diagnostic);

    /// <summary>Every (bytes read, total bytes) the pipeline reported while reading the prompts.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(long Read, long Total)> ReadProgress { get; } = new();

    public void Progress(string message)
    {
    }

    void IReportLog.ReadProgress(long bytesRead, long totalBytes) => ReadProgress.Enqueue((bytesRead, totalBytes));
}
