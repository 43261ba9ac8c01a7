using Reports.Analysis.Diagnostics;

namespace Reports.Pipeline.Tests;

/// <summary>
/// Collects the diagnostics, and changes an input once the run says it has read the inputs: after the analysis,
/// before the document is built and the outputs are written, where a file still being written would change.
/// </summary>
internal sealed class ChangingLog(Action change) : IReportLog
{
    public List<ReportDiagnostic> Diagnostics { get; } = [];

    public bool Changed { get; private set; }

    public void Report(ReportDiagnostic diagnostic) => Diagnostics.Add(diagnostic);

    public void Progress(string message)
    {
        if (!Changed && message.Contains(": read ", StringComparison.Ordinal))
        {
            change();
            Changed = true;
        }
    }
}
