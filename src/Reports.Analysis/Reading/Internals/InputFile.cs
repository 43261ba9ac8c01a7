using Reports.Analysis.Diagnostics;

namespace Reports.Analysis.Reading.Internals;

/// <summary>Opening an input: a file that is there but cannot be read is the input's error (RPT004), never a crash.</summary>
internal static class InputFile
{
    public static T Open<T>(string path, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or (IOException and not FileNotFoundException and not DirectoryNotFoundException))
        {
            throw Unreadable(path, exception);
        }
    }

    public static ReportInputException Unreadable(string path, Exception exception) =>
        new(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnreadableFile,
            $"expected a file this process can read, found one it cannot open ({exception.Message.TrimEnd('.')}); check its permissions, and that no other program holds it open for writing (still being written or copied?)",
            path));
}
