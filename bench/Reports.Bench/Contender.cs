namespace Reports.Bench;

/// <summary>One thing being timed: a name for the table and the process that does it.</summary>
public sealed record Contender(string Name, string FileName, IReadOnlyList<string> Arguments);
