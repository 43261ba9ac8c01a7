namespace Reports.Analysis.Reading.Internals;

/// <summary>One chunk of a file's text in a pooled buffer: <c>Buffer[..Length]</c> is the text from byte <c>Offset</c> on.</summary>
internal readonly record struct TextChunk(byte[] Buffer, int Length, long Offset);

/// <summary>
/// Cuts a stream of prompts text (a compressed file as it is decompressed) into the chunks
/// <see cref="ParallelPromptReader"/> cuts a mapped file into: the same rule on the same text gives the same cuts, so a
/// compressed file aggregates to the same bits as its text. Only the chunks on their way to a parser are held.
/// </summary>
/// <param name="buffers">Where the chunks' buffers come from; shared by the files of a run, which give them back.</param>
internal sealed class TextChunker(Stream text, int chunkSize, int maxLineLength, ChunkBuffers buffers)
{
    private byte[] buffer = [];
    private int filled;
    private long bufferOffset; // the text offset of buffer[0]: always the next chunk's start once started
    private bool ended;
    private bool previousEndsLine; // whether the byte before bufferOffset is a line feed

    /// <summary>Where the chunks' buffers come from and go back to.</summary>
    public ChunkBuffers Buffers => buffers;

    /// <summary>
    /// Where the UTF-8 text starts (after a BOM), or -1 for an empty text or a UTF-16/32 one (which the generated reader
    /// reports); read before the first chunk.
    /// </summary>
    public long Start()
    {
        FillTo(4);
        var start = TextStart.Of(buffer.AsSpan(0, Math.Min(4, filled)));
        if (start < 0)
        {
            return -1;
        }

        Drop(start);
        return start;
    }

    /// <summary>
    /// The chunks in order, the last one ending at the end of the text; each buffer is the caller's, to give back to
    /// <see cref="Buffers"/>.
    /// </summary>
    /// <param name="start">What <see cref="Start"/> returned.</param>
    public IEnumerable<TextChunk> Chunks(long start)
    {
        for (var chunk = 1L; ; chunk++)
        {
            var nominal = start + (chunk * chunkSize);
            FillTo(nominal + 1);
            if (End <= nominal)
            {
                yield return Take(End);
                yield break;
            }

            yield return Take(LineStartAtOrAfter(nominal));
        }
    }

    /// <summary>Whether the stream has ended: the chunk handed out last was the last.</summary>
    public bool Ended => ended;

    /// <summary>The text read so far ends here; the text's end once the stream has ended.</summary>
    public long End => bufferOffset + filled;

    /// <summary>How many lines the text read but not yet handed out holds: where a decompression error is, within the next chunk.</summary>
    public long PendingLines => buffer.AsSpan(0, filled).Count((byte)'\n');

    /// <summary>The same rule as a mapped file's: the first line start at or after the position, the search bounded by the longest line.</summary>
    private long LineStartAtOrAfter(long position)
    {
        var searchEnd = position + maxLineLength + 1;
        var at = position - 1;
        if (at < bufferOffset)
        {
            // The chunk before ended past this position, after a line longer than a chunk: where the rule would have
            // found a line end before it, it found the same one; else there is none before it.
            if (previousEndsLine)
            {
                return bufferOffset;
            }

            at = bufferOffset;
        }

        while (true)
        {
            FillTo(Math.Min(at + (1 << 16), searchEnd));
            var available = Math.Min(End, searchEnd);
            var newline = buffer.AsSpan((int)(at - bufferOffset), (int)(available - at)).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return at + newline + 1;
            }

            at = available;
            if (at >= searchEnd || ended)
            {
                return at;
            }
        }
    }

    /// <summary>Hands out the text up to <paramref name="to"/>; the rest moves to a new buffer.</summary>
    private TextChunk Take(long to)
    {
        var length = (int)(to - bufferOffset);
        var chunk = new TextChunk(buffer, length, bufferOffset);
        if (length > 0)
        {
            previousEndsLine = buffer[length - 1] == (byte)'\n';
        }

        var rest = Buffers.Rent(filled - length);
        buffer.AsSpan(length, filled - length).CopyTo(rest);
        buffer = rest;
        filled -= length;
        bufferOffset = to;
        return chunk;
    }

    private void Drop(int count)
    {
        buffer.AsSpan(count, filled - count).CopyTo(buffer);
        filled -= count;
        bufferOffset += count;
    }

    /// <summary>Reads until the buffer holds the text up to <paramref name="position"/> (exclusive), or the text ends.</summary>
    private void FillTo(long position)
    {
        while (!ended && End < position)
        {
            if (filled == buffer.Length)
            {
                var larger = Buffers.Rent(Math.Max(Buffers.StandardSize, buffer.Length * 2));
                buffer.AsSpan(0, filled).CopyTo(larger);
                Buffers.Return(buffer);
                buffer = larger;
            }

            var read = text.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                ended = true;
            }

            filled += read;
        }
    }

    /// <summary>Gives back the buffer still held (after the last chunk, or when the reading stopped).</summary>
    public void Release()
    {
        Buffers.Return(buffer);
        buffer = [];
        filled = 0;
    }
}
