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
/// (SnapshotTests checks the bytes), so the same data gives the same file.
/// </summary>
internal static class SnapshotWriter
{
    /// <summary>Writes the snapshot to <paramref name="path"/> and returns its header.</summary>
    /// <param name="header">Every field but <see cref="SnapshotHeader.ContentSha256"/> and <see cref="SnapshotHeader.FeatureCount"/>, which the writer fills.</param>
    public static SnapshotHeader Write(string path, SnapshotHeader header, IEnumerable<SnapshotFeature> features)
    {
        var body = path + ".features";
        try
        {
            long count = 0;
            byte[] bodyHash;
            using (var bodyFile = new FileStream(body, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var gzip = new GZipStream(bodyFile, CompressionLevel.Optimal))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new ArrayBufferWriter<byte>(256);
                using var json = new Utf8JsonWriter(buffer);
                foreach (var feature in features)
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

                bodyHash = hash.GetHashAndReset();
            }

            // The content hash: the header's fields that describe the data (not the label, not the date) and the features.
            var complete = header with { Label = null, Date = null, ContentSha256 = Convert.ToHexStringLower(bodyHash), FeatureCount = count };
            var content = Convert.ToHexStringLower(SHA256.HashData(HeaderLine(complete)));
            complete = header with { ContentSha256 = content, FeatureCount = count };
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(HeaderLine(complete));
                }

                using var features2 = new FileStream(body, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16);
                features2.CopyTo(file);
            }

            return complete;
        }
        finally
        {
            File.Delete(body);
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
