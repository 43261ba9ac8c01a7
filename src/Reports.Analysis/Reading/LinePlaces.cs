using Reports.Analysis.Aggregation;

namespace Reports.Analysis.Reading;

/// <summary>
/// The places of a file's lines, asked for in increasing line order: what the generated reader, which streams, does not
/// say, for the serial aggregation's <see cref="RecordLocation"/>s. Lines count as the readers count them (a byte order
/// mark is not part of the first; a line's CR LF or LF is not part of it).
/// </summary>
internal sealed class LinePlaces(Stream stream) : IDisposable
{
    private readonly byte[] buffer = new byte[1 << 16];
    private int filled;
    private int at;
    private long bufferOffset;
    private long line = 1;
    private bool started;

    /// <summary>The place of line <paramref name="lineNumber"/> (at or after the last one asked for).</summary>
    public RecordLocation Of(long lineNumber)
    {
        if (!started)
        {
            started = true;
            Fill();
            if (buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8))
            {
                at = 3;
            }
        }

        while (line < lineNumber && SkipPastNewline())
        {
            line++;
        }

        var offset = bufferOffset + at;
        long length = 0;
        while (true)
        {
            if (at == filled && !Fill())
            {
                break;
            }

            var newline = buffer.AsSpan(at, filled - at).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                length += newline;
                break;
            }

            length += filled - at;
            at = filled;
        }

        // Back to the line's start: the next call counts from here.
        if (bufferOffset + at != offset)
        {
            stream.Position = offset;
            bufferOffset = offset;
            at = filled = 0;
            Fill();
        }

        var endsInReturn = length > 0 && LastByteBefore(offset + length) == (byte)'\r';
        return new RecordLocation(lineNumber, offset, (int)(endsInReturn ? length - 1 : length));
    }

    public void Dispose() => stream.Dispose();

    private byte LastByteBefore(long end)
    {
        if (end - 1 >= bufferOffset && end - 1 < bufferOffset + filled)
        {
            return buffer[end - 1 - bufferOffset];
        }

        var saved = stream.Position;
        stream.Position = end - 1;
        var value = (byte)stream.ReadByte();
        stream.Position = saved;
        return value;
    }

    private bool SkipPastNewline()
    {
        while (true)
        {
            if (at == filled && !Fill())
            {
                return false;
            }

            var newline = buffer.AsSpan(at, filled - at).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                at += newline + 1;
                return true;
            }

            at = filled;
        }
    }

    /// <summary>Reads the next block (keeping nothing before <c>at</c>); false at the end of the file.</summary>
    private bool Fill()
    {
        bufferOffset += at;
        var kept = filled - at;
        buffer.AsSpan(at, kept).CopyTo(buffer);
        at = 0;
        filled = kept;
        var read = stream.Read(buffer, filled, buffer.Length - filled);
        filled += read;
        return read > 0;
    }
}
