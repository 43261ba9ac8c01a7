namespace Reports.Analysis.Evidence;

/// <summary>How often a feature fires on one token text, and how strongly.</summary>
public sealed record TokenStatistics(string Token, long Occurrences, double MeanActivation, double MaxActivation);
