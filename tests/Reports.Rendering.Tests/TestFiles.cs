namespace Reports.Rendering.Tests;

/// <summary>Files the tests write, in this run's folder under the temporary directory, deleted when the run ends.</summary>
internal static class TestFiles
{
    private static readonly Lazy<string> RunDirectory = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "reports-tests", "rendering-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Left to the system's temporary cleanup.
            }
        };
        return path;
    });

    /// <summary>A path for a new file with this extension (".pdf").</summary>
    public static string NewPath(string extension) => Path.Combine(RunDirectory.Value, Guid.NewGuid().ToString("N") + extension);
}
