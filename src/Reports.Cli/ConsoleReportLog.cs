using Reports.Analysis.Diagnostics;
using Reports.Pipeline;

namespace Reports.Cli;

/// <summary>Diagnostics in MSBuild's canonical format on standard error, so editors and CI link them as they do the build's.</summary>
internal sealed class ConsoleReportLog(TextWriter error, bool verbose) : IReportLog
{
    public int ErrorCount { get; private set; }

    public void Report(ReportDiagnostic diagnostic)
    {
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }

        error.WriteLine(diagnostic.ToString());
    }

    public void Progress(string message)
    {
        if (verbose)
        {
            error.WriteLine(message);
        }
    }
}
