using System.Globalization;
using Reports.Analysis.Diagnostics;
using Reports.Pipeline.Diagnostics;

namespace Reports.Pipeline.History;

/// <summary>
/// The history directory: the snapshots by their sequence number, the newest <c>HistoryMax</c> read, one that cannot be
/// read skipped with a warning (RPT110, or RPT111 for a newer format), never a failed build.
/// </summary>
internal sealed class HistoryStore(string directory, int max)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Every snapshot file by number, oldest first (read or not).</summary>
    public IReadOnlyList<(int Number, string Path)> Files()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory)
            .Select(path => (Number: SnapshotFormat.NumberOf(Path.GetFileName(path)), Path: path))
            .Where(f => f.Number is not null)
            .Select(f => (f.Number!.Value, f.Path))
            .OrderBy(f => f.Item1).ThenBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>The headers of the newest <c>max</c> snapshots, oldest first; those that cannot be read are warned of and left out.</summary>
    public IReadOnlyList<SnapshotFile> Load(IReportLog log)
    {
        var kept = new List<SnapshotFile>();
        foreach (var (number, path) in Files().TakeLast(max))
        {
            try
            {
                using var reader = SnapshotReader.Open(path);
                kept.Add(new SnapshotFile(number, path, reader.Header));
            }
            catch (SnapshotFormatException exception)
            {
                log.Report(Skipped(exception, path));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                log.Report(new ReportDiagnostic(DiagnosticSeverity.Warning, PipelineDiagnosticCodes.SnapshotCorrupt,
                    $"history snapshot skipped: it could not be read ({exception.Message}); check the history directory's permissions", path));
            }
        }

        return kept;
    }

    /// <summary>The warning for a snapshot that cannot be read: the build goes on without it.</summary>
    public static ReportDiagnostic Skipped(SnapshotFormatException exception, string path) => exception.IsNewerVersion
        ? new ReportDiagnostic(DiagnosticSeverity.Warning, PipelineDiagnosticCodes.SnapshotNewerVersion,
            $"history snapshot skipped: {exception.Message}; build with the newer tool, or remove the snapshot", path)
        : new ReportDiagnostic(DiagnosticSeverity.Warning, PipelineDiagnosticCodes.SnapshotCorrupt,
            $"history snapshot skipped, it cannot be read: {exception.Message}; remove it (the history goes on without it)", path);

    /// <summary>The number the next snapshot gets: one past the highest in the directory, read or not.</summary>
    public int NextNumber() => Files() is { Count: > 0 } files ? files[^1].Number + 1 : 1;

    /// <summary>Removes the oldest snapshots until <c>max</c> remain.</summary>
    public void Prune()
    {
        var files = Files();
        foreach (var (_, path) in files.Take(Math.Max(0, files.Count - max)))
        {
            File.Delete(path);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Directory} (keeps {max})");
}
