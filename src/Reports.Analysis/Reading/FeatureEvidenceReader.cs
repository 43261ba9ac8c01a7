using Microsoft.Win32.SafeHandles;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading.Internals;
using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>
/// Reads a feature's <see cref="FeatureEvidence"/> back from the prompts file: its records, at the places the
/// aggregation kept (<see cref="FeatureTally.Records"/>), parsed by the generated reader. A report needs the strongest
/// prompts and the distributions for the few features it draws pages for, so the aggregation never holds them for all.
/// Several files, or compressed ones, are read by <see cref="PromptFilesEvidence"/>.
/// </summary>
public static class FeatureEvidenceReader
{
    /// <summary>The evidence of <paramref name="feature"/>: its records read back, with its <paramref name="topPromptCount"/> strongest prompts.</summary>
    /// <exception cref="InputChangedException">A record is no longer where it was read: the file changed since.</exception>
    /// <exception cref="SchemaDataException">A record is no longer valid: the file changed since it was read.</exception>
    public static FeatureEvidence Read(string promptsPath, FeatureSummary feature, int topPromptCount)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return new PromptFilesEvidence([promptsPath]).Read([feature], topPromptCount)[0];
    }

    /// <summary>The evidence of a feature from its records at <paramref name="records"/> (in file order) of a text file.</summary>
    /// <exception cref="InputChangedException">A record is no longer where it was read: the file changed since.</exception>
    /// <exception cref="SchemaDataException">A record is no longer valid: the file changed since it was read.</exception>
    public static FeatureEvidence Read(string promptsPath, long featureId, IReadOnlyList<RecordLocation> records, int topPromptCount) =>
        Read([promptsPath], featureId, records, topPromptCount, new Dictionary<RecordLocation, byte[]>());

    /// <param name="decompressed">The records of compressed files, read ahead (<see cref="PromptFilesEvidence"/>); a text file's are read here.</param>
    internal static FeatureEvidence Read(IReadOnlyList<string> paths, long featureId, IReadOnlyList<RecordLocation> records, int topPromptCount, IReadOnlyDictionary<RecordLocation, byte[]> decompressed)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNegative(topPromptCount);
        var evidence = new FeatureEvidence.Builder(featureId, topPromptCount);

        // Per file, its reader (a record was read whole once, so the largest limit does not turn away a line the run
        // accepted) and, for a text file, its handle: opened once for the feature's records in it.
        var sources = new Dictionary<int, (FeatureRecordJsonlReader Reader, SafeFileHandle? File)>();
        try
        {
            foreach (var record in records)
            {
                var path = paths[record.Source];
                if (!sources.TryGetValue(record.Source, out var source))
                {
                    sources[record.Source] = source = (new FeatureRecordJsonlReader(Stream.Null, path, ReaderLimits.LargestMaxLineLength), null);
                }

                if (!decompressed.TryGetValue(record, out var line))
                {
                    if (source.File is null)
                    {
                        sources[record.Source] = source = source with { File = OpenText(path) };
                    }

                    line = ReadText(source.File!, record);
                }

                // The generated reader's parse of the line: the run read it, so an error means the file changed since, and
                // is located as the generated reader would locate it in the line as it is now.
                var whole = line.Length == record.Length ? source.Reader.ReadLine(line, record.Line) : null;
                if (whole is null || whole.FeatureId != featureId)
                {
                    throw new InputChangedException(path, record.Line, $"the record of feature {featureId} at line {record.Line} is no longer where it was read");
                }

                evidence.Add(whole, record.Line, record.Source);
            }
        }
        finally
        {
            foreach (var (reader, file) in sources.Values)
            {
                reader.Dispose();
                file?.Dispose();
            }
        }

        return evidence.Build();
    }

    /// <summary>How the file is stored; a file removed since the run read it is its error.</summary>
    internal static TextCompression CompressionOf(string path)
    {
        try
        {
            return CompressedText.Of(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputChangedException(path, 0, "it no longer exists", exception);
        }
    }

    private static SafeFileHandle OpenText(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // The run read it, so it was removed since.
            throw new InputChangedException(path, 0, "it no longer exists", exception);
        }
    }

    private static byte[] ReadText(SafeFileHandle file, RecordLocation record)
    {
        var line = new byte[record.Length];
        var read = RandomAccess.Read(file, line, record.Offset);
        return read == line.Length ? line : line[..read];
    }
}
