using Reports.Analysis.Aggregation;

namespace Reports.Pipeline;

/// <summary>The result of a report run: whether it succeeded, and the files it wrote (full paths).</summary>
public sealed record ReportOutcome(bool Succeeded, IReadOnlyList<string> WrittenFiles, ActivationAnalysis? Analysis)
{
    public static ReportOutcome Failed { get; } = new(false, [], null);
}
