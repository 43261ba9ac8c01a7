using System.Collections.Concurrent;

namespace Reports.Analysis.Reading.Internals;

/// <summary>
/// The buffers decompressed chunks travel in: a chunk's nominal size and a little more, reused. ArrayPool would hand
/// out the next power of two (16 MiB for an 8 MiB chunk), doubling what the chunks in flight hold.
/// </summary>
internal sealed class ChunkBuffers(int chunkSize)
{
    private readonly ConcurrentBag<byte[]> free = [];

    /// <summary>The size a chunk usually fits in: the nominal size and room for the line that ends it (lines of up to an eighth of a chunk, 1 MiB).</summary>
    public int StandardSize { get; } = chunkSize + Math.Max(1 << 16, chunkSize / 8);

    /// <summary>A buffer of at least <paramref name="minimum"/> bytes.</summary>
    public byte[] Rent(int minimum) =>
        minimum <= StandardSize && free.TryTake(out var buffer) ? buffer : GC.AllocateUninitializedArray<byte>(Math.Max(minimum, StandardSize));

    /// <summary>Takes a buffer back; one of another size (a chunk that held a long line) is left to the collector.</summary>
    public void Return(byte[] buffer)
    {
        if (buffer.Length == StandardSize && free.Count < 2 * Environment.ProcessorCount + 2)
        {
            free.Add(buffer);
        }
    }
}
