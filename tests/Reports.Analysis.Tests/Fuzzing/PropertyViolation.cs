namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>A fuzz property that does not hold, with the reader's own exception inside when there is one.</summary>
internal sealed class PropertyViolation(string message, Exception? inner = null) : Exception(message, inner);
