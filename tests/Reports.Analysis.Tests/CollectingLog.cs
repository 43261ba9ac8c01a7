using Reports.Analysis.Diagnostics;
using Reports.Pipeline;

namespace Reports.Analysis.Tests;

internal sealed class CollectingLog : IReportLog
{
    public List<ReportDiagnostic> Diagnostics { get; } = [];

    public void Report(ReportDiagnostic diagnostic) => Diagnostics.Add(diagnostic);

    public void Progress(string message)
    {
    }
}
