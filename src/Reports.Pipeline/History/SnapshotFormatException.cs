namespace Reports.Pipeline.History;

/// <summary>A snapshot that cannot be read: cut short, not gzip, not the format (a warning and the snapshot skipped, never a failed build).</summary>
internal sealed class SnapshotFormatException(string message, bool isNewerVersion = false) : Exception(message)
{
    /// <summary>Written by a newer tool in a format this one does not know.</summary>
    public bool IsNewerVersion { get; } = isNewerVersion;
}
