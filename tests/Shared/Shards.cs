using System.IO.Compression;

namespace Reports.Tests;

/// <summary>How a shard is stored, as GPU jobs write them.</summary>
public enum ShardCompression
{
    None,
    Gzip,
    Zstandard,
}

/// <summary>
/// A prompts file split into shards, as a job per GPU writes them: consecutive runs of lines, with one feature's records
/// spread over several shards (its record is copied into each shard after the first), plain or compressed.
/// </summary>
internal static class Shards
{
    /// <summary>
    /// Writes the lines of <paramref name="promptsPath"/> as <paramref name="count"/> shards in <paramref name="directory"/>
    /// (<c>prompts-00000-of-0000N.jsonl</c>, with <c>.gz</c> or <c>.zst</c> added), the record of line
    /// <paramref name="spreadLine"/> (1-based; 0 for none) repeated in every later shard; returns the shards' paths in order.
    /// </summary>
    public static string[] Split(string promptsPath, string directory, int count, ShardCompression compression = ShardCompression.None, int spreadLine = 0)
    {
        var lines = File.ReadAllLines(promptsPath);
        Directory.CreateDirectory(directory);
        var paths = new string[count];
        var per = (lines.Length + count - 1) / count;
        for (var shard = 0; shard < count; shard++)
        {
            var part = lines.Skip(shard * per).Take(per).ToList();
            if (spreadLine > 0 && shard > 0 && spreadLine <= shard * per)
            {
                part.Insert(part.Count / 2, lines[spreadLine - 1]);
            }

            paths[shard] = Path.Combine(directory, $"prompts-{shard:D5}-of-{count:D5}.jsonl" + Extension(compression));
            Write(paths[shard], string.Concat(part.Select(l => l + "\n")), compression);
        }

        return paths;
    }

    /// <summary>The same shards, compressed: each plain shard's text written again beside it.</summary>
    public static string[] Compressed(IEnumerable<string> plainShards, ShardCompression compression) =>
        [.. plainShards.Select(p =>
        {
            var path = p + Extension(compression);
            Write(path, File.ReadAllText(p), compression);
            return path;
        })];

    public static string Extension(ShardCompression compression) => compression switch
    {
        ShardCompression.Gzip => ".gz",
        ShardCompression.Zstandard => ".zst",
        _ => "",
    };

    public static void Write(string path, string text, ShardCompression compression)
    {
        using var file = File.Create(path);
        using Stream stream = compression switch
        {
            ShardCompression.Gzip => new GZipStream(file, CompressionLevel.Fastest),
            ShardCompression.Zstandard => new ZstdSharp.CompressionStream(file, 3),
            _ => file,
        };
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The lines of a shard, decompressed when it is compressed.</summary>
    public static string[] ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress)
            : path.EndsWith(".zst", StringComparison.Ordinal) ? new ZstdSharp.DecompressionStream(file)
            : file;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd('\n').Split('\n');
    }

    /// <summary>Cuts a file short, as an interrupted copy leaves it.</summary>
    public static void Truncate(string path, double keep)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
    }
}
