using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reports.Rendering.Html;

/// <summary>
/// Data embedded in the page once, compactly: JSON, gzip-compressed and base64'd inside a
/// <c>&lt;script type="application/octet-stream"&gt;</c> the browser neither runs nor fetches; the page decodes it with
/// <c>DecompressionStream('gzip')</c>, which works from <c>file://</c> and needs no network.
/// </summary>
internal static class EmbeddedData
{
    /// <summary>The element's type: data, not a script the browser would run.</summary>
    public const string ScriptType = "application/octet-stream";

    /// <summary>SmallestSize saves a few percent over Optimal in several times the time (bench/results/history.md).</summary>
    private const CompressionLevel Level = CompressionLevel.Optimal;

    /// <summary>Offset of the gzip header's operating-system byte (RFC 1952, 2.3).</summary>
    private const int OperatingSystemOffset = 9;

    /// <summary>"Unknown" (RFC 1952): zlib writes the build platform's code there, so a page would differ between machines.</summary>
    private const byte UnknownOperatingSystem = 255;

    // The JSON never meets an HTML parser (it is base64 inside the element), so nothing beyond JSON's own needs escaping.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the element <paramref name="id"/> holding the JSON <paramref name="write"/> produces.</summary>
    public static void Write(TextWriter output, string id, Action<Utf8JsonWriter> write) => Write(output, id, Compress(write));

    /// <summary>Writes the element <paramref name="id"/> holding JSON compressed already (<see cref="Compress"/>).</summary>
    public static void Write(TextWriter output, string id, byte[] compressed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(compressed);
        output.Write($"<script type=\"{ScriptType}\" id=\"{id}\" data-encoding=\"gzip+base64\">");
        // In slices of whole 3-byte groups, so a large payload is never one string of tens of megabytes.
        const int Slice = 3 << 16;
        for (var offset = 0; offset < compressed.Length; offset += Slice)
        {
            output.Write(Convert.ToBase64String(compressed.AsSpan(offset, Math.Min(Slice, compressed.Length - offset))));
        }

        output.WriteLine("</script>");
    }

    /// <summary>The JSON, gzip-compressed; no file name and a zero time in its header, so the same data gives the same bytes.</summary>
    public static byte[] Compress(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, Level, leaveOpen: true))
        using (var json = new Utf8JsonWriter(new UnflushedStream(gzip), JsonOptions))
        {
            write(json);
        }

        var bytes = buffer.ToArray();
        bytes[OperatingSystemOffset] = UnknownOperatingSystem;
        return bytes;
    }

    /// <summary>
    /// The compressor as the JSON writer sees it: the writer's flushes pass its bytes on, but do not flush the compressor,
    /// which would end a deflate block each time and make the data larger (and unlike the same data written at once).
    /// </summary>
    private sealed class UnflushedStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
