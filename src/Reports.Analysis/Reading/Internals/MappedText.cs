using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace Reports.Analysis.Reading.Internals;

/// <summary>A text file mapped for its chunks to be parsed in place.</summary>
internal sealed class MappedText : IDisposable
{
    private readonly SafeFileHandle handle;
    private MemoryMappedFile? map;

    private MappedText(string path, SafeFileHandle handle, long length, long start)
    {
        Path = path;
        this.handle = handle;
        Length = length;
        Start = start;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Where the UTF-8 text starts (after a BOM), or -1 for an empty file or a UTF-16/32 one.</summary>
    public long Start { get; }

    // Mapped, not read: each chunk is parsed where the page cache holds it, without being copied out first. A chunk's
    // view is unmapped when it is done, so the file's pages never count as the process's memory all at once.
    public MemoryMappedFile Map => map ?? throw new ObjectDisposedException(Path);

    public static MappedText Open(string path)
    {
        var handle = InputFile.Open(path, () => File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read));
        var length = RandomAccess.GetLength(handle);
        var text = new MappedText(path, handle, length, Utf8Start(handle));
        if (text.Start >= 0)
        {
            text.map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        }

        return text;
    }

    private static long Utf8Start(SafeFileHandle file)
    {
        Span<byte> head = stackalloc byte[4];
        var read = RandomAccess.Read(file, head, 0);
        head = head[..read];
        if (read == 0 || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return -1;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Math.Min(3, read) : 0;
    }

    /// <summary>
    /// The first line start at or after <paramref name="position"/>: just past the line end before it. The search
    /// stops after the longest line and its CR LF: a line that goes on past them is too long, and the chunk is cut
    /// inside it, where the chunk reading the line's start finds it too long (so a file without line ends is not
    /// searched to its end by every chunk).
    /// </summary>
    public long LineStartAtOrAfter(long position, int maxLineLength)
    {
        if (position <= Start)
        {
            return Start;
        }

        var searchEnd = Math.Min(Length, position + maxLineLength + 1);
        var window = new byte[64 << 10];
        for (var at = position - 1; at < searchEnd; at += window.Length)
        {
            var read = RandomAccess.Read(handle, window.AsSpan(0, (int)Math.Min(window.Length, searchEnd - at)), at);
            var newline = window.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return at + newline + 1;
            }

            if (read == 0)
            {
                break;
            }
        }

        return searchEnd;
    }

    public void Dispose()
    {
        map?.Dispose();
        map = null;
        handle.Dispose();
    }
}
