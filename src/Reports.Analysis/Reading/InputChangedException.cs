using Reports.Analysis.Diagnostics;

namespace Reports.Analysis.Reading;

/// <summary>
/// An input file changed while the report was built: what the run read back from it (a description row, a feature's
/// records) is no longer what it read. An <see cref="IOException"/>, as before it had a type of its own, so callers
/// that catch those still see it; its own type lets the pipeline report it as the input's error (<see cref="Diagnostic"/>)
/// rather than as a failed write.
/// </summary>
public sealed class InputChangedException : IOException
{
    /// <param name="filePath">The file that changed.</param>
    /// <param name="line">The line read back, 1-based; 0 when the change is not at a line.</param>
    /// <param name="what">What no longer reads as it did, e.g. "the row of feature 3 is no longer at line 4".</param>
    /// <param name="innerException">The reader's error on the file as it is now, if any.</param>
    public InputChangedException(string filePath, long line, string what, Exception? innerException = null)
        : base($"{filePath} changed while the report was built: {what}; build the report again once the file is no longer being written", innerException)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file that changed.</summary>
    public string FilePath { get; }

    /// <summary>The line that was read back, 1-based; 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>The error to report: the file, where known its line, and the fix.</summary>
    public ReportDiagnostic Diagnostic => new(DiagnosticSeverity.Error, DiagnosticCodes.InputChanged, Message, FilePath, Line);
}
