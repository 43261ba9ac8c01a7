using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading.Internals;
using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>
/// Aggregates prompts files on all cores: one file, or the shards of one (several files, plain or compressed with gzip
/// or Zstandard). A text file is cut into fixed-size chunks at line ends (the cut depends on the file only, never on the
/// core count, so results are the same bits on every machine), a compressed file into the same chunks as it is
/// decompressed; each chunk becomes a partial <see cref="ActivationAggregate"/>, read with
/// <see cref="PromptLineScanner"/> and, for any line the scanner declines, the generated reader; the partials are
/// merged in file order as they complete, each file's into its own, and the files' in the order given. Memory is the
/// aggregates and the chunks in flight, whatever the size of the files. Features keep their records' places, from which
/// <see cref="FeatureEvidenceReader"/> reads a page's prompts back.
/// </summary>
/// <remarks>
/// Errors keep the generated reader's file, line and column: a chunk counts its own lines, and the error of the
/// earliest failing chunk is reported with the line count of the file's chunks before it added (those all finished).
/// </remarks>
public static class ParallelPromptReader
{
    /// <summary>The nominal chunk size; a chunk ends at the first line end at or after it.</summary>
    public const int ChunkSize = 8 << 20;

    /// <exception cref="SchemaDataException">A line does not match the schema sample.</exception>
    /// <param name="options">The line limit (it bounds a chunk, so memory never follows a line that does not end) and progress.</param>
    public static ActivationAggregate Aggregate(string path, AnalysisOptions? options = null, CancellationToken cancellationToken = default) =>
        Aggregate([path], options, cancellationToken);

    /// <summary>
    /// The aggregate of several prompts files, read as one (the shards of a file, in the order given: a record's
    /// <see cref="RecordLocation.Source"/> is its file's index in <paramref name="paths"/>).
    /// </summary>
    /// <exception cref="SchemaDataException">A line does not match the schema sample.</exception>
    /// <exception cref="Diagnostics.ReportInputException">A compressed file is damaged or cut short (RPT022).</exception>
    public static ActivationAggregate Aggregate(IReadOnlyList<string> paths, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count);
        options ??= AnalysisOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxLineLength, ReaderLimits.LargestMaxLineLength);
        using var read = new PromptFilesRead(paths, options, cancellationToken);
        return read.Read();
    }

    /// <summary>The straightforward way, for a file the chunks cannot take: every record materialised by the generated reader.</summary>
    internal static ActivationAggregate AggregateSerially(string path, TextCompression compression, int maxLineLength, CancellationToken cancellationToken)
    {
        var aggregate = new ActivationAggregate();
        using var reader = new FeatureRecordJsonlReader(CompressedText.OpenText(path, compression, out _), path, maxLineLength);
        using var places = new LinePlaces(CompressedText.OpenText(path, compression, out _));
        while (reader.TryRead(out var record))
        {
            cancellationToken.ThrowIfCancellationRequested();
            aggregate.Add(record, places.Of(reader.RecordLine));
        }

        aggregate.CountReplacedSurrogates(reader.ReplacedSurrogates, reader.FirstReplacedLine, reader.FirstReplacedColumn);
        return aggregate;
    }
}
