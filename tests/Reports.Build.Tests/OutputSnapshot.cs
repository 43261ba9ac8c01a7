namespace Reports.Build.Tests;

/// <summary>The bytes and times of a report's files, to prove a failed or skipped run left them alone.</summary>
internal sealed record OutputSnapshot(IReadOnlyDictionary<string, (byte[] Bytes, DateTime WriteTimeUtc)> Files)
{
    public static OutputSnapshot Of(IEnumerable<string> paths) =>
        new(paths.ToDictionary(path => path, path => (File.ReadAllBytes(path), File.GetLastWriteTimeUtc(path))));

    /// <summary>Asserts every file is still there, byte for byte, and was not rewritten.</summary>
    public void AssertUnchanged()
    {
        foreach (var (path, (bytes, time)) in Files)
        {
            Assert.True(File.Exists(path), $"{path} was deleted");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} changed");
            Assert.Equal(time, File.GetLastWriteTimeUtc(path));
        }
    }
}
