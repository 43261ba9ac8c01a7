using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>How the inputs are read: limits and progress, given by name so new ones do not shift a parameter list.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The longest line (or CSV record) accepted in either file, in bytes (<see cref="ReaderLimits"/>).</summary>
    public int MaxLineLength { get; init; } = ReaderLimits.DefaultMaxLineLength;

    /// <summary>Told the number of bytes of the prompts file read so far, a chunk at a time.</summary>
    public IProgress<long>? BytesRead { get; init; }

    /// <summary>The nominal chunk size of the parallel read (<see cref="ParallelPromptReader.ChunkSize"/>); tests make it small to split small files many times.</summary>
    internal int ChunkSize { get; init; } = ParallelPromptReader.ChunkSize;

    internal static AnalysisOptions Default { get; } = new();
}
