namespace Reports.Build.Tests;

/// <summary>A fresh folder outside the repository, so no Directory.Build.* but the ones a test imports applies.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reports-build-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
            // The shared parent goes with the last test that used it, so a run leaves nothing behind.
            var parent = System.IO.Path.GetDirectoryName(Path)!;
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over (or another test just made one beside it).
        }
    }
}
