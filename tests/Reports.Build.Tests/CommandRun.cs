using Reports.Cli;

namespace Reports.Build.Tests;

/// <summary>One run of the <c>reports</c> command (its real entry point, in process): exit code, stdout, stderr.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static CommandRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Run(args, output, error);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>reports build</c> of the given files into <paramref name="outputDirectory"/>.</summary>
    public static CommandRun Build(string descriptions, string prompts, string outputDirectory, params string[] options) =>
        Of(["build", "--descriptions", descriptions, "--prompts", prompts, "--out", outputDirectory, .. options]);

    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
