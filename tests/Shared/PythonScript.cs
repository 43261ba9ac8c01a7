using System.Diagnostics;

namespace Reports.Tests;

/// <summary>Runs a Python script with Debian's python3 and pandas (.ci/run installs python3-pandas) and gives its standard output.</summary>
internal static class PythonScript
{
    private const string Python = "/usr/bin/python3";

    public static byte[] Run(string script, params string[] arguments)
    {
        var path = Path.Combine(TestData.NewTemporaryDirectory(), "script.py");
        File.WriteAllText(path, script);
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Python} failed (python3-pandas is installed by .ci/run): {error.Result}");
        return output.ToArray();
    }
}
