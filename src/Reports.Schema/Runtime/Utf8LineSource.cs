namespace Reports.Schema.Runtime;

using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

/// <summary>
/// Reads a UTF-8 stream line by line into a pooled buffer that grows to the longest line, so memory does not
/// grow with the file. Skips a UTF-8 byte order mark, rejects UTF-16/32, strips CR before LF.
/// </summary>
internal sealed class Utf8LineSource : IDisposable
{
    internal static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private readonly Stream stream;
    private byte[] buffer;
    private int start;
    private int end;
    private bool endOfStream;
    private bool firstRead = true;

    /// <summary>Offset in the stream of <c>buffer[0]</c>.</summary>
    private long bufferOffset;

    /// <summary>
    /// The most the next read asks of the stream: the whole buffer, except after a seek, where it starts at a record's
    /// size and doubles, so reading records in no order reads about what it uses rather than a buffer per record.
    /// </summary>
    private int readSize = int.MaxValue;

    public Utf8LineSource(Stream stream, string path, int maxLineLength = ReaderLimits.DefaultMaxLineLength)
    {
        if (maxLineLength < 1 || maxLineLength > ReaderLimits.LargestMaxLineLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLineLength), maxLineLength, "A line limit from 1 byte to 1 GiB.");
        }

        this.stream = stream;
        Path = path;
        MaxLineLength = maxLineLength;
        buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    }

    public string Path { get; }

    /// <summary>The longest line accepted, in bytes without its line end.</summary>
    public int MaxLineLength { get; }

    /// <summary>1-based number of the line returned last.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset in the stream where the line returned last starts (after a byte order mark, for the first).</summary>
    public long LineOffset { get; private set; }

    /// <summary>Whether the line returned last ended with CR LF.</summary>
    public bool LastLineHadCarriageReturn { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, 1);
                return true;
            }

            if (endOfStream)
            {
                if (end > start)
                {
                    line = Take(end - start, 0);
                    return true;
                }

                line = default;
                return false;
            }

            if (end - start > MaxLineLength + 1)
            {
                // Past the limit even if a CR ends it: said now, before the buffer grows further.
                throw TooLong(Path, LineNumber + 1, buffer.AsSpan(start, end - start), MaxLineLength);
            }

            Fill();
        }
    }

    /// <summary>
    /// Makes the next line the one that starts at <paramref name="offset"/>, numbered <paramref name="lineNumber"/>. Within
    /// the buffer it moves there without touching the stream, so reading rows in file order costs no seek.
    /// </summary>
    /// <exception cref="NotSupportedException">The stream cannot seek, and the offset is not in the buffer.</exception>
    public void Seek(long offset, long lineNumber)
    {
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A byte offset in the stream.");
        }

        if (lineNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lineNumber), lineNumber, "A 1-based line number.");
        }

        if (!firstRead && offset >= bufferOffset && offset <= bufferOffset + end && (offset > 0 || !HasByteOrderMark))
        {
            start = (int)(offset - bufferOffset);
        }
        else
        {
            if (!stream.CanSeek)
            {
                throw new NotSupportedException("Reading a record again needs a stream that can seek (a file).");
            }

            stream.Seek(offset, SeekOrigin.Begin);
            readSize = SeekReadSize;
            bufferOffset = offset;
            start = 0;
            end = 0;
            endOfStream = false;
            // At the start of the stream the byte order mark is skipped again, as on the first read.
            firstRead = offset == 0;
        }

        LineNumber = lineNumber - 1;
    }

    /// <summary>The first read after a seek: a few rows of a typical CSV.</summary>
    private const int SeekReadSize = 4096;

    public SchemaDataException Error(SchemaErrorKind kind, long line, long column, string? field, string expected, string found) =>
        new SchemaDataException(kind, Path, line, column, field, expected, found);

    /// <summary>1-based character column of a byte offset in a line (UTF-16 code units, as editors count).</summary>
    public static long ColumnOf(ReadOnlySpan<byte> line, int byteOffset)
    {
        long column = 1;
        for (var i = 0; i < byteOffset && i < line.Length; i++)
        {
            var b = line[i];
            if ((b & 0xC0) != 0x80)
            {
                column += b >= 0xF0 ? 2 : 1;
            }
        }

        return column;
    }

    /// <summary>The byte offset of the first byte that is not valid UTF-8 (the length when there is none).</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> line)
    {
        Span<char> chars = stackalloc char[1024];
        var offset = 0;
        while (offset < line.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(line.Slice(offset), chars, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != OperationStatus.DestinationTooSmall)
            {
                break;
            }
        }

        return offset;
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => StrictUtf8.GetString(bytes);

    /// <summary>What an error says of the byte at <paramref name="at"/>, where UTF-8 has no character (not decoded as Latin-1).</summary>
    public static string NotUtf8(ReadOnlySpan<byte> line, int at) =>
        at < line.Length ? "the byte 0x" + line[at].ToString("X2", CultureInfo.InvariantCulture) + ", where UTF-8 has no character (is the file Latin-1 or Windows-1252?)" : "bytes that are not UTF-8";

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;

    /// <summary>
    /// The error for a line longer than <paramref name="maxLineLength"/>, located where it passes the limit. A line
    /// that never ends is mostly a file that is not text: the bytes it starts with say which.
    /// </summary>
    public static SchemaDataException TooLong(string path, long lineNumber, ReadOnlySpan<byte> line, int maxLineLength)
    {
        var found = "a line that goes on past " + Size(maxLineLength) + " without a line end";
        var nul = line.Slice(0, Math.Min(line.Length, 4096)).IndexOf((byte)0);
        if (nul >= 0)
        {
            found += ", with the byte 0x00 at column " + ColumnOf(line, nul).ToString(CultureInfo.InvariantCulture) + NulHint;
        }

        return new SchemaDataException(SchemaErrorKind.LineTooLong, path, lineNumber, ColumnOf(line, maxLineLength), null,
            "lines of at most " + Size(maxLineLength) + " (the reader's line limit)", found);
    }

    /// <summary>What a NUL byte in a text file mostly means.</summary>
    public const string NulHint = " (is the file binary, or UTF-16 without a byte order mark?)";

    /// <summary>A byte count as people read it: "64 MiB", "1,000 bytes".</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20).ToString("N0", CultureInfo.InvariantCulture) + " MiB"
        : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? (bytes >> 10).ToString("N0", CultureInfo.InvariantCulture) + " KiB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");

    public void Dispose()
    {
        ReturnBuffer();
        buffer = Array.Empty<byte>();
        stream.Dispose();
    }

    private void ReturnBuffer()
    {
        if (buffer.Length > 0 && (buffer.Length & (buffer.Length - 1)) == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ReadOnlySpan<byte> Take(int length, int terminator)
    {
        var line = buffer.AsSpan(start, length);
        LineOffset = bufferOffset + start;
        start += length + terminator;
        LineNumber++;
        LastLineHadCarriageReturn = line.Length > 0 && line[line.Length - 1] == (byte)'\r';
        line = LastLineHadCarriageReturn ? line.Slice(0, line.Length - 1) : line;
        if (line.Length > MaxLineLength)
        {
            throw TooLong(Path, LineNumber, line, MaxLineLength);
        }

        return line;
    }

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            // Never past what the longest line and its CR LF need: the next read shows whether the line is too long.
            var size = (int)Math.Min(buffer.Length * 2L, MaxLineLength + 2L);
            var larger = size == buffer.Length * 2L ? ArrayPool<byte>.Shared.Rent(size) : new byte[size]; // the pool would round up to twice the limit
            Buffer.BlockCopy(buffer, 0, larger, 0, end);
            ReturnBuffer();
            buffer = larger;
        }

        var read = stream.Read(buffer, end, Math.Min(buffer.Length - end, readSize));
        readSize = readSize > int.MaxValue / 2 ? int.MaxValue : readSize * 2;
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
        if (firstRead && (read > 0 || endOfStream))
        {
            // Byte order marks need up to four bytes; a short first read is topped up once.
            while (end < 4 && !endOfStream)
            {
                var more = stream.Read(buffer, end, buffer.Length - end);
                if (more == 0)
                {
                    endOfStream = true;
                }

                end += more;
            }

            firstRead = false;
            CheckByteOrderMark();
        }
    }

    /// <summary>The file starts with UTF-8's byte order mark (skipped).</summary>
    public bool HasByteOrderMark { get; private set; }

    /// <summary>What an input without a record holds, for the "empty file" error.</summary>
    public string EmptyDescription => HasByteOrderMark ? "only a byte order mark (and blank lines, if any)" : "an empty file";

    private void CheckByteOrderMark()
    {
        var head = buffer.AsSpan(0, end);
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            start = 3;
            HasByteOrderMark = true;
            return;
        }

        string? encoding = null;
        if (head.Length >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0)
        {
            encoding = "UTF-32 (little endian)";
        }
        else if (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)
        {
            encoding = "UTF-32 (big endian)";
        }
        else if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            encoding = "UTF-16 (little endian)";
        }
        else if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            encoding = "UTF-16 (big endian)";
        }

        if (encoding is not null)
        {
            throw Error(SchemaErrorKind.UnsupportedEncoding, 1, 1, null, "UTF-8 text", "a " + encoding + " byte order mark");
        }
    }
}
