namespace Reports.Analysis.Partials;

/// <summary>A prompts file a partial aggregate was written from, as the machine that read it saw it.</summary>
/// <param name="Path">The path as given (or as a pattern expanded to it): what errors and warnings name.</param>
/// <param name="FullPath">The full path there: what orders the inputs of several partials, as a direct run orders its files.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">The file's SHA-256 in lower-case hex, or null when it was not computed.</param>
public sealed record PartialInput(string Path, string FullPath, long Bytes, string? Sha256);
