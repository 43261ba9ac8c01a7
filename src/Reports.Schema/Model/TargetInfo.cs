namespace Reports.Schema.Model;

/// <summary>
/// What a compilation offers the emitted code: the namespace its copy of the runtime goes in, and, when it cannot
/// compile that code, why (<see langword="null"/> when it can). Equatable, so an edit that changes neither costs nothing.
/// </summary>
internal sealed record TargetInfo(string RuntimeNamespace, string? Unsupported);
