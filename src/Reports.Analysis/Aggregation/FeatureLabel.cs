namespace Reports.Analysis.Aggregation;

/// <summary>One cell of the feature x prompt-category matrix.</summary>
public readonly record struct FeatureLabel(long FeatureId, string Label);
