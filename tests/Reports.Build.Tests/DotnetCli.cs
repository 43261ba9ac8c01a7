namespace Reports.Build.Tests;

/// <summary>Runs the real <c>dotnet</c> command the way a user's build would, but without lingering build nodes.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The test host's own MSBuild settings (set by <c>dotnet test</c>) would make the child build use the test's
    /// MSBuild and SDK resolution; the child must find its own, as on a user's machine.
    /// </summary>
    private static readonly Dictionary<string, string?> Environment = BuildEnvironment();

    /// <summary>The variables every child <c>dotnet</c> of the tests runs with (null: removed), for runners of their own.</summary>
    public static IReadOnlyDictionary<string, string?> Variables => Environment;

    public static ProcessResult Run(string workingDirectory, params IEnumerable<string> arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, Timeout, Environment);

    /// <summary><see cref="Build"/> with variables of its own on top of the tests' (a build server's, say).</summary>
    public static ProcessResult BuildWith(IReadOnlyDictionary<string, string> variables, string workingDirectory, string target, params IEnumerable<string> options)
    {
        var environment = new Dictionary<string, string?>(Environment, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return ProcessRunner.Run("dotnet", ["build", target, "-nologo", "-tl:off", "-nodeReuse:false", .. options], workingDirectory, Timeout, environment);
    }

    /// <summary><c>dotnet build</c> with a plain console log (no terminal logger) and no node reuse.</summary>
    public static ProcessResult Build(string workingDirectory, string target, params IEnumerable<string> options) =>
        Run(workingDirectory, ["build", target, "-nologo", "-tl:off", "-nodeReuse:false", .. options]);

    private static Dictionary<string, string?> BuildEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            // A fixed date: the builds under test are reproducible and never read the clock.
            ["SOURCE_DATE_EPOCH"] = "1700000000",
            // Tests run on a build server build reports of their own: none of them goes to the server's job page.
            ["GITHUB_STEP_SUMMARY"] = null,
            ["TF_BUILD"] = null,
            ["TEAMCITY_VERSION"] = null,
        };
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) && name != "MSBUILDDISABLENODEREUSE")
            {
                environment[name] = null;
            }
        }

        return environment;
    }
}
