namespace Reports.Bench;

/// <summary>A contender's process exited with an error; the bench reports it instead of a time.</summary>
public sealed class ContenderFailedException(string message) : Exception(message);
