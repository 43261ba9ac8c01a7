namespace Reports.Pipeline.History;

/// <summary>An input file as a snapshot names it; its SHA-256 null when the run did not compute it.</summary>
internal sealed record SnapshotInput(string Role, string File, long Bytes, string? Sha256);
