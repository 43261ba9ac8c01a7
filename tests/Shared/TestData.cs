namespace Reports.Tests;

/// <summary>Where test data lives: the repository's demo data, and fresh temporary folders.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DemoDescriptions => Path.Combine(RepositoryRoot, "reports", "personal-general", "data", "personal_general_desc.csv");

    public static string DemoPrompts => Path.Combine(RepositoryRoot, "reports", "personal-general", "data", "personal_general_prompts.jsonl");

    /// <summary>
    /// This test run's folder under the temporary directory, deleted when the run ends. The test host may be stopped
    /// before a large folder is gone, so a run also deletes what runs that have ended left: at most one run's files stay.
    /// </summary>
    private static readonly Lazy<string> RunDirectory = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "reports-tests");
        if (Directory.Exists(root))
        {
            foreach (var stale in Directory.EnumerateDirectories(root, "run-*").Where(d => !IsRunning(d)))
            {
                DeleteQuietly(stale);
            }
        }

        var path = Path.Combine(root, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(path);
        return path;
    });

    /// <summary>Whether the process that made a run folder ("run-&lt;pid&gt;-&lt;guid&gt;") still runs.</summary>
    private static bool IsRunning(string runDirectory)
    {
        var parts = Path.GetFileName(runDirectory).Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(RunDirectory.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void DeleteQuietly(string path)
    {
        // Entry by entry: one file still held open (a browser writing at exit) must not keep the rest of the run's files.
        foreach (var entry in Directory.Exists(path) ? Directory.EnumerateFileSystemEntries(path).ToArray() : [])
        {
            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        try
        {
            Directory.Delete(path, recursive: true);
            var parent = Path.GetDirectoryName(path)!;
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // A file still open at exit (a browser's profile being written): the system's temporary cleanup takes the rest.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot() =>
        typeof(TestData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
