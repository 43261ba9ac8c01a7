namespace Reports.Analysis.Evidence;

/// <summary>How often a feature fires on one token text, and how strongly.</summary>
public readonly record struct TokenStatistics(string Token, long Occurrences, double MeanActivation, double MaxActivation);
