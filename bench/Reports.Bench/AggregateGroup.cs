namespace Reports.Bench;

/// <summary>One row of the heatmap table: a feature's mean activation and prompt count in one prompt category.</summary>
public sealed record AggregateGroup(long FeatureId, string Label, double Mean, long Count);
