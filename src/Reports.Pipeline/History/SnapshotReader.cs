using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Reports.Pipeline.History;

/// <summary>
/// Reads a snapshot: its header alone (for the trend, cheap: one line decompressed), or its features one line at a time
/// in feature-id order (for the comparison, never all in memory). Anything not as written is a
/// <see cref="SnapshotFormatException"/>: not gzip, a line that is not the format, features out of order or fewer than
/// the header counts (a file cut short).
/// </summary>
internal sealed class SnapshotReader : IDisposable
{
    private readonly GZipStream gzip;
    private readonly string path;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private bool ended;

    private SnapshotReader(string path)
    {
        this.path = path;
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        gzip = new GZipStream(file, CompressionMode.Decompress);
        try
        {
            Header = ReadHeader();
        }
        catch
        {
            gzip.Dispose();
            throw;
        }
    }

    public SnapshotHeader Header { get; }

    public static SnapshotReader Open(string path) => Guarded(path, () => new SnapshotReader(path));

    /// <summary>The features in id order; the whole file is checked by the time the last one is returned.</summary>
    public IEnumerable<SnapshotFeature> Features()
    {
        long count = 0;
        var previous = long.MinValue;
        while (true)
        {
            var line = Guarded(path, NextLine);
            if (line is not { } range)
            {
                break;
            }

            var feature = Guarded(path, () => ParseFeature(buffer.AsSpan(range), Header.Labels.Count));
            if (feature.Id <= previous)
            {
                throw Corrupt($"feature {feature.Id} after feature {previous}: expected feature-id order");
            }

            previous = feature.Id;
            count++;
            yield return feature;
        }

        if (count != Header.FeatureCount)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"{count:N0} features where its header counts {Header.FeatureCount:N0}: the file is cut short"));
        }
    }

    public void Dispose() => gzip.Dispose();

    /// <summary>The next line's bytes in <see cref="buffer"/> (without its line feed); null at the end of the file.</summary>
    private Range? NextLine()
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = new Range(start, start + newline);
                start += newline + 1;
                return line;
            }

            if (ended)
            {
                if (start == end)
                {
                    return null;
                }

                var last = new Range(start, end);
                start = end;
                return last;
            }

            // Keep the partial line: move it to the front, grow the buffer when the line fills it.
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = gzip.Read(buffer, end, buffer.Length - end);
            ended = read == 0;
            end += read;
        }
    }

    private SnapshotFormatException Corrupt(string what) => new($"{Path.GetFileName(path)}: {what}");

    private SnapshotHeader ReadHeader()
    {
        var line = Guarded(path, NextLine) ?? throw Corrupt("empty");
        using var document = Guarded(path, () => JsonDocument.Parse(buffer.AsMemory(line)));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != SnapshotFormat.FormatName)
        {
            throw Corrupt("not a report history snapshot");
        }

        var version = root.GetProperty("version").GetInt32();
        if (version > SnapshotFormat.Version)
        {
            throw new SnapshotFormatException(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(path)}: format version {version}, written by reports {root.GetProperty("tool").GetString()}; this tool reads up to version {SnapshotFormat.Version}"), isNewerVersion: true);
        }

        var totals = root.GetProperty("totals");
        return new SnapshotHeader(
            version,
            root.GetProperty("tool").GetString() ?? "",
            root.GetProperty("label").GetString(),
            root.GetProperty("date").GetString(),
            root.GetProperty("content_sha256").GetString() ?? throw Corrupt("no content hash"),
            [.. root.GetProperty("labels").EnumerateArray().Select(l => l.GetString() ?? throw Corrupt("a null label"))],
            [.. root.GetProperty("inputs").EnumerateArray().Select(i => new SnapshotInput(i.GetProperty("role").GetString() ?? "", i.GetProperty("file").GetString() ?? "", i.GetProperty("bytes").GetInt64(), i.GetProperty("sha256").GetString()))],
            new HeadlineNumbers(totals.GetProperty("features").GetInt64(), totals.GetProperty("with_prompts").GetInt64(), totals.GetProperty("described").GetInt64(),
                totals.GetProperty("prompts").GetInt64(), totals.GetProperty("categories").GetInt64(), totals.GetProperty("warnings").GetInt64()),
            root.GetProperty("warnings").EnumerateObject().ToDictionary(w => w.Name, w => w.Value.GetInt64(), StringComparer.Ordinal),
            root.GetProperty("features").GetInt64());
    }

    /// <summary><c>[id, prompts, [means], most specific, description hash, [tokens]]</c>, read token by token.</summary>
    private SnapshotFeature ParseFeature(ReadOnlySpan<byte> line, int labelCount)
    {
        var json = new Utf8JsonReader(line);
        Expect(ref json, JsonTokenType.StartArray);
        Expect(ref json, JsonTokenType.Number);
        var id = json.GetInt64();
        Expect(ref json, JsonTokenType.Number);
        var prompts = json.GetInt64();
        Expect(ref json, JsonTokenType.StartArray);
        var means = new double?[labelCount];
        var m = 0;
        while (Next(ref json) != JsonTokenType.EndArray)
        {
            if (m == labelCount)
            {
                throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"feature {id} has more means than its {labelCount} categories"));
            }

            means[m++] = json.TokenType == JsonTokenType.Null ? null : json.GetDouble();
        }

        Expect(ref json, JsonTokenType.Number);
        var specific = json.GetInt32();
        if (m != labelCount || specific < -1 || specific >= labelCount)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"feature {id} has {m} means and most specific category {specific} of {labelCount}"));
        }

        var hash = Next(ref json) == JsonTokenType.Null ? null : json.GetString();
        Expect(ref json, JsonTokenType.StartArray);
        var tokens = new List<string>(SnapshotFormat.TokensKept);
        while (Next(ref json) != JsonTokenType.EndArray)
        {
            tokens.Add(json.GetString() ?? "");
        }

        Expect(ref json, JsonTokenType.EndArray);
        if (json.Read())
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"feature {id}'s line goes on after its array"));
        }

        return new SnapshotFeature(id, prompts, means, specific, hash, [.. tokens]);
    }

    private JsonTokenType Next(ref Utf8JsonReader json) => json.Read() ? json.TokenType : throw Corrupt("a feature line that ends too soon");

    private void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (Next(ref json) != type)
        {
            throw Corrupt($"a feature line with {json.TokenType} where {type} belongs: not [id, prompts, means, most specific, description hash, tokens]");
        }
    }

    /// <summary>What a damaged file throws, from gzip, UTF-8 or JSON, as the one exception a caller skips the snapshot on.</summary>
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new SnapshotFormatException($"{Path.GetFileName(path)}: {exception.Message}");
        }
    }
}
