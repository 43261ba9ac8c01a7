namespace Reports.Analysis.Aggregation;

/// <param name="FeaturesDescribed">Rows of the descriptions file.</param>
/// <param name="FeatureRecords">Records (lines) of the prompts file.</param>
/// <param name="Features">Distinct features in either file.</param>
/// <param name="Prompts">Active prompts over all records.</param>
/// <param name="Labels">Distinct prompt labels.</param>
public sealed record AnalysisTotals(long FeaturesDescribed, long FeatureRecords, long Features, long Prompts, long Labels);
