namespace Reports.Analysis.Aggregation;

/// <summary>
/// Where one record of a feature is in the prompts files: the aggregation keeps the place rather than the record, and a
/// feature's page reads its records back from it (<see cref="Reading.FeatureEvidenceReader"/>).
/// </summary>
/// <param name="Line">The record's 1-based line in its file, as the readers count lines (blank lines included).</param>
/// <param name="Offset">
/// The byte offset of the line's first character (after a byte order mark) in the file's text: for a compressed file,
/// in the decompressed text.
/// </param>
/// <param name="Length">The line's length in bytes, without its line end.</param>
/// <param name="Source">Which of the prompts files the record is in: its index in the sorted list of inputs.</param>
public readonly record struct RecordLocation(long Line, long Offset, int Length, int Source = 0)
{
    /// <summary>Orders places as the files are read: by file, then by line.</summary>
    public static int Compare(RecordLocation a, RecordLocation b) =>
        a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Line.CompareTo(b.Line);
}
