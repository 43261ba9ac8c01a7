namespace Reports.Pipeline.History;

/// <summary>A feature added or removed since the previous build, as the side that has it knew it.</summary>
/// <param name="MostSpecific">The category it is most specific to; null without prompts.</param>
internal sealed record ListedFeature(long Id, long Prompts, string? MostSpecific);
