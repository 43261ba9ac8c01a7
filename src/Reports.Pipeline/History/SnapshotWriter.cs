using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Reports.Pipeline.History;

/// <summary>
/// Writes a snapshot: the feature lines first, as a gzip member of their own while their hash is taken, then the header
/// (which carries that hash) as the file's first member, the features' member copied after it. A file of two gzip
/// members is one gzip file to every reader (RFC 1952), and the features are written once, never held in memory: a
/// million features are tens of megabytes uncompressed. GZipStream writes no file name and a zero time in its header
/// (HistoryReportTests checks the bytes), so the same data gives the same file.
/// </summary>
internal sealed class SnapshotWriter : IDisposable
{
    // The default level: at 1,048,576 features 29.6 MB, where Fastest wrote 46 MB (bench/results/history.md).
    private const CompressionLevel Level = CompressionLevel.Optimal;

    private readonly string path;
    private readonly string body;
    private readonly FileStream bodyFile;
    private readonly GZipStream gzip;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> buffer = new(256);
    private readonly Utf8JsonWriter json;
    private long count;
    private bool closed;

    /// <summary>Starts a snapshot at <paramref name="path"/>: its features go to a file beside it until <see cref="Complete"/>.</summary>
    public SnapshotWriter(string path)
    {
        this.path = path;
        body = path + ".features";
        bodyFile = new FileStream(body, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        gzip = new GZipStream(bodyFile, Level);
        // Tokens' text as UTF-8, not \uXXXX escapes: "\u2581" is six bytes where the character is three.
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Adds the next feature; features come in feature-id order.</summary>
    public void Add(SnapshotFeature feature)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        WriteFeature(json, feature);
        json.Flush();
        buffer.Write("\n"u8);
        hash.AppendData(buffer.WrittenSpan);
        gzip.Write(buffer.WrittenSpan);
        count++;
    }

    /// <summary>Writes the file, its header first, and returns the header.</summary>
    /// <param name="header">Every field but <see cref="SnapshotHeader.ContentSha256"/> and <see cref="SnapshotHeader.FeatureCount"/>, which the writer fills.</param>
    public SnapshotHeader Complete(SnapshotHeader header)
    {
        Close();
        // The content hash: the header's fields that describe the data (not the label, not the date) and the features.
        var complete = header with { Label = null, Date = null, ContentSha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), FeatureCount = count };
        var content = Convert.ToHexStringLower(SHA256.HashData(HeaderLine(complete)));
        complete = header with { ContentSha256 = content, FeatureCount = count };
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using (var header1 = new GZipStream(file, Level, leaveOpen: true))
            {
                header1.Write(HeaderLine(complete));
            }

            using var features = new FileStream(body, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
            features.CopyTo(file);
        }

        File.Delete(body);
        return complete;
    }

    public void Dispose()
    {
        Close();
        hash.Dispose();
        File.Delete(body);
    }

    private void Close()
    {
        if (!closed)
        {
            closed = true;
            json.Dispose();
            gzip.Dispose();
            bodyFile.Dispose();
        }
    }

    /// <summary>The header as its JSON line (LF-terminated).</summary>
    public static byte[] HeaderLine(SnapshotHeader header)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", SnapshotFormat.FormatName);
            json.WriteNumber("version", header.Version);
            json.WriteString("tool", header.ToolVersion);
            WriteStringOrNull(json, "label", header.Label);
            WriteStringOrNull(json, "date", header.Date);
            json.WriteString("content_sha256", header.ContentSha256);
            json.WriteStartArray("labels");
            foreach (var label in header.Labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            json.WriteStartArray("inputs");
            foreach (var input in header.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("role", input.Role);
                json.WriteString("file", input.File);
                json.WriteNumber("bytes", input.Bytes);
                WriteStringOrNull(json, "sha256", input.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var totals = header.Totals;
            json.WriteStartObject("totals");
            json.WriteNumber("features", totals.Features);
            json.WriteNumber("with_prompts", totals.WithPrompts);
            json.WriteNumber("described", totals.Described);
            json.WriteNumber("prompts", totals.Prompts);
            json.WriteNumber("categories", totals.Categories);
            json.WriteNumber("warnings", totals.Warnings);
            json.WriteEndObject();
            json.WriteStartObject("warnings");
            foreach (var (code, count) in header.WarningCounts.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(code, count);
            }

            json.WriteEndObject();
            json.WriteNumber("features", header.FeatureCount);
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>[id, prompts, [means], most specific, description hash, [tokens]]</c>: a line of a few dozen bytes.</summary>
    private static void WriteFeature(Utf8JsonWriter json, SnapshotFeature feature)
    {
        json.WriteStartArray();
        json.WriteNumberValue(feature.Id);
        json.WriteNumberValue(feature.PromptCount);
        json.WriteStartArray();
        foreach (var mean in feature.Means)
        {
            if (mean is { } value && float.IsFinite((float)value))
            {
                // Single precision, 7 significant digits: half the bytes of a double, far below any change a reader
                // looks for; both sides of a comparison are read from snapshots, so an unchanged mean compares equal.
                json.WriteNumberValue((float)value);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
        json.WriteNumberValue(feature.MostSpecific);
        if (feature.DescriptionHash is { } hash)
        {
            json.WriteStringValue(hash);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray();
        foreach (var token in feature.TopTokens)
        {
            json.WriteStringValue(token);
        }

        json.WriteEndArray();
        json.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
