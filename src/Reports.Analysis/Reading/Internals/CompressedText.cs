using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace Reports.Analysis.Reading.Internals;

/// <summary>How a prompts file is stored: as text, or compressed as GPU jobs write their shards.</summary>
internal enum TextCompression
{
    None,
    Gzip,
    Zstandard,
}

/// <summary>
/// Compressed prompts files, told apart by their first bytes (a name can lie; the magic number cannot), and read as
/// streams of their text: never decompressed to disk or whole into memory.
/// </summary>
internal static class CompressedText
{
    /// <summary>The compression of the file open at <paramref name="file"/>.</summary>
    public static TextCompression Of(SafeFileHandle file)
    {
        Span<byte> head = stackalloc byte[4];
        var read = RandomAccess.Read(file, head, 0);
        head = head[..read];
        return head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? TextCompression.Gzip
            : head.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD]) ? TextCompression.Zstandard
            : TextCompression.None;
    }

    /// <summary>The compression of the file at <paramref name="path"/>.</summary>
    public static TextCompression Of(string path)
    {
        using var file = InputFile.Open(path, () => File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read));
        return Of(file);
    }

    /// <summary>The file's text, decompressed as it is read; <paramref name="compressed"/> is the file itself, for how far it has been read.</summary>
    public static Stream OpenText(string path, TextCompression compression, out Stream compressed)
    {
        compressed = InputFile.Open(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        try
        {
            return compression switch
            {
                TextCompression.Gzip => new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: false),
                TextCompression.Zstandard => new ZstdSharp.DecompressionStream(compressed, leaveOpen: false),
                _ => compressed,
            };
        }
        catch
        {
            compressed.Dispose();
            throw;
        }
    }

    /// <summary>The file's text, decompressed as it is read when it is compressed.</summary>
    public static Stream OpenText(string path) => OpenText(path, Of(path), out _);

    /// <summary>
    /// Whether a gzip file's trailer (its last four bytes: the text's length modulo 2^32) matches the text read. .NET's
    /// GZipStream ends quietly where a file was cut short; the trailer does not match then, but for one chance in 2^32.
    /// A file of several gzip members (<c>cat a.gz b.gz</c>, bgzip) states only its last member's length: such a file
    /// fails the check and is reported as cut short, to be recompressed as one member.
    /// </summary>
    public static bool GzipSizeMatches(string path, long textLength)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        Span<byte> size = stackalloc byte[4];
        return length >= 18 && RandomAccess.Read(file, size, length - 4) == 4
            && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(size) == (uint)textLength;
    }

    /// <summary>What a file of this compression is called in messages.</summary>
    public static string Name(TextCompression compression) => compression switch
    {
        TextCompression.Gzip => "gzip",
        TextCompression.Zstandard => "Zstandard",
        _ => "text",
    };
}
