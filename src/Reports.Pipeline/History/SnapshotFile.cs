namespace Reports.Pipeline.History;

/// <summary>A snapshot in the history directory: its sequence number (from its name), its path and its header.</summary>
internal sealed record SnapshotFile(int Number, string Path, SnapshotHeader Header)
{
    /// <summary>How a report names it: its number, and its label when it has one.</summary>
    public string DisplayName => Header.Label is { Length: > 0 } label
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{Number} ({label})")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{Number}");
}
