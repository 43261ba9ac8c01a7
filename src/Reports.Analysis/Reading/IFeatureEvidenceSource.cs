using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;

namespace Reports.Analysis.Reading;

/// <summary>
/// Where the features that get a page have their <see cref="FeatureEvidence"/> read: the prompts files themselves
/// (<see cref="PromptFilesEvidence"/>), or partial aggregates that carry it (partial aggregates).
/// </summary>
public interface IFeatureEvidenceSource
{
    /// <summary>The evidence of each of <paramref name="features"/>, in their order, with its <paramref name="topPromptCount"/> strongest prompts.</summary>
    /// <exception cref="InputChangedException">A file changed since the analysis read it.</exception>
    IReadOnlyList<FeatureEvidence> Read(IReadOnlyList<FeatureSummary> features, int topPromptCount);
}
