namespace Reports.Analysis.Aggregation;

/// <summary>
/// Where one record of a feature is in the prompts file: the aggregation keeps the place rather than the record, and a
/// feature's page reads its records back from it (<see cref="Reading.FeatureEvidenceReader"/>).
/// </summary>
/// <param name="Line">The record's 1-based line, as the readers count lines (blank lines included).</param>
/// <param name="Offset">The byte offset in the file of the line's first character (after a byte order mark).</param>
/// <param name="Length">The line's length in bytes, without its line end.</param>
public readonly record struct RecordLocation(long Line, long Offset, int Length);
