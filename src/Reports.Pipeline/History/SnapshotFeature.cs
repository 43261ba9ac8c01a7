namespace Reports.Pipeline.History;

/// <summary>One feature as a snapshot keeps it: enough to say what changed, a few dozen bytes compressed.</summary>
/// <param name="Means">Mean activation per category, aligned with the snapshot's labels; null where the feature has no prompt of it.</param>
/// <param name="MostSpecific">Index into the snapshot's labels of the category the feature is most specific to; -1 for none.</param>
/// <param name="DescriptionHash">The first 8 bytes of the SHA-256 of the description text, as hex; null without a description row.</param>
internal sealed record SnapshotFeature(long Id, long PromptCount, double?[] Means, int MostSpecific, string? DescriptionHash, string[] TopTokens);
