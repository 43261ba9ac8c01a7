using Reports.Cli;

namespace Reports.Build.Tests;

/// <summary>One run of the <c>reports</c> command (its real entry point, in process): exit code, stdout, stderr.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// The test's own environment but for the build servers' variables: a test run on a build server must not fill the
    /// server's job page (GITHUB_STEP_SUMMARY) or send it statistics.
    /// </summary>
    public static string? OffBuildServers(string name) =>
        name is "GITHUB_STEP_SUMMARY" or "TF_BUILD" or "TEAMCITY_VERSION" ? null : Environment.GetEnvironmentVariable(name);

    public static CommandRun Of(params string[] args) => WithEnvironment(OffBuildServers, args);

    public static CommandRun WithEnvironment(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Run(args, output, error, environment);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>reports build</c> of the given files into <paramref name="outputDirectory"/>.</summary>
    public static CommandRun Build(string descriptions, string prompts, string outputDirectory, params string[] options) =>
        Of(["build", "--descriptions", descriptions, "--prompts", prompts, "--out", outputDirectory, .. options]);

    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
