namespace Reports.Build.Tests.Packaging;

/// <summary>
/// The real <c>dotnet</c> as a user outside the repository runs it: the test host's MSBuild settings removed, and a
/// package folder of the test's own, so a package of the same version restored by an earlier run is never reused.
/// </summary>
internal sealed class PackagedCli(string packagesDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, string?> environment = BuildEnvironment(packagesDirectory);

    public ProcessResult Run(string workingDirectory, params IEnumerable<string> arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, Timeout, environment);

    /// <summary>A program the test installed (the tool's shim), with the same environment.</summary>
    public ProcessResult RunProgram(string program, string workingDirectory, params IEnumerable<string> arguments) =>
        ProcessRunner.Run(program, arguments, workingDirectory, Timeout, environment);

    public ProcessResult Build(string workingDirectory, string target, params IEnumerable<string> options) =>
        Run(workingDirectory, ["build", target, "-nologo", "-tl:off", "-nodeReuse:false", .. options]);

    /// <summary>The tests' variables (<see cref="DotnetCli.Variables"/>), with the test's own package folder.</summary>
    private static Dictionary<string, string?> BuildEnvironment(string packagesDirectory) =>
        new(DotnetCli.Variables, StringComparer.Ordinal) { ["NUGET_PACKAGES"] = packagesDirectory };
}
