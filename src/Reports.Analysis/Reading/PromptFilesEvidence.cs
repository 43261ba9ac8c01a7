using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading.Internals;

namespace Reports.Analysis.Reading;

/// <summary>
/// Reads pages' evidence back from the prompts files at the places the aggregation kept: a text file's records by
/// offset, a compressed file's in one pass of decompression that keeps only the records asked for (a compressed
/// stream cannot seek), so each file is decompressed at most once for all the pages.
/// </summary>
/// <param name="paths">The prompts files, indexed by <see cref="RecordLocation.Source"/>.</param>
public sealed class PromptFilesEvidence(IReadOnlyList<string> paths) : IFeatureEvidenceSource
{
    public IReadOnlyList<FeatureEvidence> Read(IReadOnlyList<FeatureSummary> features, int topPromptCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(topPromptCount);
        var wanted = features.SelectMany(f => f.Tally?.Records ?? []).ToArray();
        var decompressed = new Dictionary<RecordLocation, byte[]>();
        foreach (var source in wanted.Select(r => r.Source).Distinct().Order())
        {
            if (FeatureEvidenceReader.CompressionOf(paths[source]) is var compression && compression != TextCompression.None)
            {
                ReadDecompressed(paths[source], compression, wanted.Where(r => r.Source == source), decompressed);
            }
        }

        return [.. features.Select(f => FeatureEvidenceReader.Read(paths, f.FeatureId, f.Tally?.Records ?? [], topPromptCount, decompressed))];
    }

    /// <summary>Decompresses the file once, keeping the lines at <paramref name="records"/>.</summary>
    private static void ReadDecompressed(string path, TextCompression compression, IEnumerable<RecordLocation> records, Dictionary<RecordLocation, byte[]> lines)
    {
        var sorted = records.OrderBy(r => r.Offset).ToArray();
        try
        {
            using var text = CompressedText.OpenText(path, compression, out _);
            var position = 0L;
            var skip = new byte[1 << 16];
            foreach (var record in sorted)
            {
                while (position < record.Offset)
                {
                    var read = text.Read(skip, 0, (int)Math.Min(skip.Length, record.Offset - position));
                    if (read == 0)
                    {
                        return; // shorter than it was: the record's check says so
                    }

                    position += read;
                }

                if (position > record.Offset)
                {
                    continue; // the same record again (a feature asked for twice)
                }

                var line = new byte[record.Length];
                var got = text.ReadAtLeast(line, line.Length, throwOnEndOfStream: false);
                position += got;
                lines[record] = got == line.Length ? line : line[..got];
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or ZstdSharp.ZstdException or EndOfStreamException)
        {
            throw new InputChangedException(path, 0, $"its {CompressedText.Name(compression)} data no longer reads ({exception.Message.TrimEnd('.')})", exception);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputChangedException(path, 0, "it no longer exists", exception);
        }
    }
}
