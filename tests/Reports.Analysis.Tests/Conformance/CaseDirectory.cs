namespace Reports.Analysis.Tests.Conformance;

/// <summary>One folder for a test run's case files (thousands of small files), deleted when the test process ends.</summary>
internal static class CaseDirectory
{
    private static readonly string Path = Create();

    /// <summary>A new file name in the folder; <paramref name="name"/> says which case it is, for a reader of the folder.</summary>
    public static string NewFile(string name, string extension) =>
        System.IO.Path.Combine(Path, $"{Guid.NewGuid():N}-{name}{extension}");

    private static string Create()
    {
        var path = TestData.NewTemporaryDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-file cleaning.
            }
        };
        return path;
    }
}
