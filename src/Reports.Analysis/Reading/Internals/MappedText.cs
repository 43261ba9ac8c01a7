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

    /// <summary>Maps the file open at <paramref name="handle"/>, which the text now owns.</summary>
    public static MappedText Open(string path, SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        Span<byte> head = stackalloc byte[4];
        var text = new MappedText(path, handle, length, TextStart.Of(head[..RandomAccess.Read(handle, head, 0)]));
        if (text.Start >= 0)
        {
            text.map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        }

        return text;
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
