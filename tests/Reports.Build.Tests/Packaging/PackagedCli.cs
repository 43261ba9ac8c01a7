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

    private static Dictionary<string, string?> BuildEnvironment(string packagesDirectory)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["SOURCE_DATE_EPOCH"] = "1700000000",
            ["NUGET_PACKAGES"] = packagesDirectory,
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) && name != "MSBUILDDISABLENODEREUSE")
            {
                environment[name] = null;
            }
        }

        return environment;
    }
}
