using Reports.Analysis.Diagnostics;

namespace Reports.Analysis.Reading.Internals;

/// <summary>Opening an input: a file that is there but cannot be read is the input's error (RPT004), never a crash.</summary>
internal static class InputFile
{
    /// <summary>The path, once it is known to name a file (RPT001 otherwise: nothing there, or a directory).</summary>
    public static string Require(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReportInputException(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FileNotFound,
                (Directory.Exists(path) ? $"expected an input file, found a directory at '{path}'" : $"expected an input file, found nothing at '{path}'")
                + "; check the path in the item's Descriptions or Prompts (relative to the project) or in --descriptions or --prompts", path));
        }

        return path;
    }

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
