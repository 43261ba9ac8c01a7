using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Reports.Analysis.Diagnostics;
using Reports.Pipeline;

namespace Reports.Build;

/// <summary>
/// Sends the pipeline's diagnostics to MSBuild with their file, line, column and code, so the console shows
/// <c>file(line,col): error RPTnnn: message</c> and IDEs link the location.
/// </summary>
internal sealed class MSBuildReportLog(TaskLoggingHelper log) : IReportLog
{
    public void Report(ReportDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);

        // Full paths: a relative path in a build log is relative to a directory the reader cannot see.
        var file = diagnostic.File is null ? null : Path.GetFullPath(diagnostic.File);
        var line = ToLogPosition(diagnostic.Line);
        var column = ToLogPosition(diagnostic.Column);
        if (diagnostic.IsError)
        {
            log.LogError(subcategory: null, diagnostic.Code, helpKeyword: null, file, line, column, endLineNumber: 0, endColumnNumber: 0, diagnostic.Message);
        }
        else
        {
            log.LogWarning(subcategory: null, diagnostic.Code, helpKeyword: null, file, line, column, endLineNumber: 0, endColumnNumber: 0, diagnostic.Message);
        }
    }

    private readonly System.Diagnostics.Stopwatch sinceProgress = System.Diagnostics.Stopwatch.StartNew();

    public void Progress(string message) => log.LogMessage(MessageImportance.Normal, message);

    /// <summary>A message at normal verbosity every few seconds of a long read.</summary>
    public void ReadProgress(long bytesRead, long totalBytes)
    {
        lock (sinceProgress)
        {
            if (sinceProgress.Elapsed < TimeSpan.FromSeconds(3) || bytesRead >= totalBytes)
            {
                return;
            }

            sinceProgress.Restart();
        }

        log.LogMessage(MessageImportance.Normal, ReadProgressText.Of(bytesRead, totalBytes));
    }

    /// <summary>MSBuild positions are ints; 0 means "none" in both worlds, and a line past int.MaxValue is clamped rather than wrapped.</summary>
    private static int ToLogPosition(long position) => (int)Math.Clamp(position, 0, int.MaxValue);
}
