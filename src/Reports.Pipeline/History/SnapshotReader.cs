using System.Globalization;
using System.IO.Compression;
using System.Text;
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
    private readonly FileStream file;
    private readonly StreamReader reader;
    private readonly string path;

    private SnapshotReader(string path)
    {
        this.path = path;
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress), new UTF8Encoding(false, throwOnInvalidBytes: true), false, 1 << 16);
        try
        {
            Header = ReadHeader();
        }
        catch
        {
            reader.Dispose();
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
            var line = Guarded(path, reader.ReadLine);
            if (line is null)
            {
                break;
            }

            var feature = Guarded(path, () => ParseFeature(line, Header.Labels.Count));
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

    public void Dispose() => reader.Dispose();

    private SnapshotFormatException Corrupt(string what) => new($"{Path.GetFileName(path)}: {what}");

    private SnapshotHeader ReadHeader()
    {
        var line = reader.ReadLine() ?? throw Corrupt("empty");
        using var document = JsonDocument.Parse(line);
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

    private SnapshotFeature ParseFeature(string line, int labelCount)
    {
        using var document = JsonDocument.Parse(line);
        var item = document.RootElement;
        if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 6)
        {
            throw Corrupt("a feature line that is not [id, prompts, means, most specific, description hash, tokens]");
        }

        var means = item[2].EnumerateArray().Select(m => m.ValueKind == JsonValueKind.Null ? (double?)null : m.GetDouble()).ToArray();
        var specific = item[3].GetInt32();
        if (means.Length != labelCount || specific < -1 || specific >= labelCount)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"feature {item[0].GetInt64()} has {means.Length} means for {labelCount} categories"));
        }

        return new SnapshotFeature(item[0].GetInt64(), item[1].GetInt64(), means, specific, item[4].GetString(), [.. item[5].EnumerateArray().Select(t => t.GetString() ?? "")]);
    }

    /// <summary>What a damaged file throws, from gzip, UTF-8 or JSON, as the one exception a caller skips the snapshot on.</summary>
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException or DecoderFallbackException or InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException or EndOfStreamException)
        {
            throw new SnapshotFormatException($"{Path.GetFileName(path)}: {exception.Message}");
        }
    }
}
