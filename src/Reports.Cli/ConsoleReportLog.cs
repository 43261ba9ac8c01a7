using Reports.Analysis.Diagnostics;
using Reports.Pipeline;
using Reports.Pipeline.Diagnostics;

namespace Reports.Cli;

/// <summary>Diagnostics in MSBuild's canonical format on standard error, so editors and CI link them as they do the build's.</summary>
/// <param name="terminal">Standard error is a terminal: reading progress is drawn as a bar, redrawn in place.</param>
internal sealed class ConsoleReportLog(TextWriter error, bool verbose, bool terminal = false) : IReportLog
{
    private const int BarWidth = 30;
    private readonly System.Diagnostics.Stopwatch sinceProgress = System.Diagnostics.Stopwatch.StartNew();
    private bool barShown;

    public int ErrorCount { get; private set; }

    public void Report(ReportDiagnostic diagnostic)
    {
        ClearBar();
        if (diagnostic.IsError)
        {
            ErrorCount++;
        }

        error.WriteLine(MsBuildFormat.Line(diagnostic));
    }

    public void Progress(string message)
    {
        ClearBar();
        if (verbose)
        {
            error.WriteLine(message);
        }
    }

    public void ReadProgress(long bytesRead, long totalBytes)
    {
        lock (sinceProgress)
        {
            var interval = terminal ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(3);
            if ((!terminal && !verbose) || sinceProgress.Elapsed < interval)
            {
                return;
            }

            sinceProgress.Restart();
            if (terminal)
            {
                var filled = BarWidth * ReadProgressText.Percent(bytesRead, totalBytes) / 100;
                error.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {ReadProgressText.Of(bytesRead, totalBytes)}");
                barShown = true;
            }
            else
            {
                error.WriteLine(ReadProgressText.Of(bytesRead, totalBytes));
            }
        }
    }

    /// <summary>Ends the bar's line before anything else is written, so messages do not land on it.</summary>
    private void ClearBar()
    {
        lock (sinceProgress)
        {
            if (barShown)
            {
                error.Write("\r" + new string(' ', BarWidth + 60) + "\r");
                barShown = false;
            }
        }
    }
}
