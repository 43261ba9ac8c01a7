namespace Reports.Pipeline.History;

/// <summary>The numbers a snapshot keeps of the whole report, for the trend over the history.</summary>
/// <param name="WithPrompts">Features with at least one active prompt.</param>
/// <param name="Described">Features with a description row.</param>
internal sealed record HeadlineNumbers(long Features, long WithPrompts, long Described, long Prompts, long Categories, long Warnings);
