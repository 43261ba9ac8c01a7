namespace Reports.Build.Tests;

/// <summary>
/// A damage done to a good input file, and where the tool must point: the file it damaged and the line
/// (1-based; 0 when the problem concerns the whole file) the error is expected on.
/// </summary>
internal sealed record Corruption(string Code, string File, long Line);
