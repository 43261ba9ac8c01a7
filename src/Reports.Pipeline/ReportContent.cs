using Reports.Analysis.Aggregation;

namespace Reports.Pipeline;

/// <summary>Everything an output needs to write its file.</summary>
public sealed record ReportContent(ReportRequest Request, ActivationAnalysis Analysis, IReadOnlyList<InputFileInfo> Inputs);
