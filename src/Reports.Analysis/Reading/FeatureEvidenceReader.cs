using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>
/// Reads a feature's <see cref="FeatureEvidence"/> back from the prompts file: its records, at the places the
/// aggregation kept (<see cref="FeatureTally.Records"/>), parsed by the generated reader. A report needs the strongest
/// prompts and the distributions for the few features it draws pages for, so the aggregation never holds them for all.
/// </summary>
public static class FeatureEvidenceReader
{
    /// <summary>The evidence of <paramref name="feature"/>: its records read back, with its <paramref name="topPromptCount"/> strongest prompts.</summary>
    /// <exception cref="InputChangedException">A record is no longer where it was read: the file changed since.</exception>
    /// <exception cref="SchemaDataException">A record is no longer valid: the file changed since it was read.</exception>
    public static FeatureEvidence Read(string promptsPath, FeatureSummary feature, int topPromptCount)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Read(promptsPath, feature.FeatureId, feature.Tally?.Records ?? [], topPromptCount);
    }

    /// <summary>The evidence of a feature from its records at <paramref name="records"/> (in file order).</summary>
    /// <exception cref="InputChangedException">A record is no longer where it was read: the file changed since.</exception>
    /// <exception cref="SchemaDataException">A record is no longer valid: the file changed since it was read.</exception>
    public static FeatureEvidence Read(string promptsPath, long featureId, IReadOnlyList<RecordLocation> records, int topPromptCount)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNegative(topPromptCount);
        var evidence = new FeatureEvidence.Builder(featureId, topPromptCount);
        if (records.Count == 0)
        {
            return evidence.Build();
        }

        using var file = Open(promptsPath);

        // A record was read whole once, so the largest limit does not turn away a line the run accepted.
        using var reader = new FeatureRecordJsonlReader(Stream.Null, promptsPath, ReaderLimits.LargestMaxLineLength);
        foreach (var record in records)
        {
            var line = new byte[record.Length];
            var read = RandomAccess.Read(file, line, record.Offset);

            // The generated reader's parse of the line: the run read it, so an error means the file changed since, and
            // is located as the generated reader would locate it in the line as it is now.
            var whole = read == record.Length ? reader.ReadLine(line, record.Line) : null;
            if (whole is null || whole.FeatureId != featureId)
            {
                throw new InputChangedException(promptsPath, record.Line, $"the record of feature {featureId} at line {record.Line} is no longer where it was read");
            }

            evidence.Add(whole, record.Line);
        }

        return evidence.Build();
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle Open(string promptsPath)
    {
        try
        {
            return File.OpenHandle(promptsPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // The run read it, so it was removed since.
            throw new InputChangedException(promptsPath, 0, "it no longer exists", exception);
        }
    }
}
