namespace Reports.Build.Tests;

/// <summary>A finished process: its exit code and its standard output and error, interleaved as they arrived.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    /// <summary>For assertion messages: what ran and what it said.</summary>
    public override string ToString() => $"$ {Command}\nexit code {ExitCode}\n{Output}";
}
