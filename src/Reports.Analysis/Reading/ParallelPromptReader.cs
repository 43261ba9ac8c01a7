using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;
using Reports.Analysis.Aggregation;
using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>
/// Aggregates a prompts file on all cores. The file is cut into fixed-size chunks at line ends (the cut depends on
/// the file only, never on the core count, so results are the same bits on every machine); each chunk becomes a
/// partial <see cref="ActivationAggregate"/>, read with <see cref="PromptLineScanner"/> and, for any line the scanner
/// declines, the generated reader; the partials are merged in file order as they complete. Memory is the aggregates,
/// whatever the size of the file: the file is mapped, and the page cache holds it. Features keep their records' places,
/// from which <see cref="FeatureEvidenceReader"/> reads a page's prompts back.
/// </summary>
/// <remarks>
/// Errors keep the generated reader's file, line and column: a chunk counts its own lines, and the error of the
/// earliest failing chunk is reported with the line count of the chunks before it added (those all finished).
/// </remarks>
public static class ParallelPromptReader
{
    /// <summary>The nominal chunk size; a chunk ends at the first line end at or after it.</summary>
    public const int ChunkSize = 8 << 20;

    /// <exception cref="SchemaDataException">A line does not match the schema sample.</exception>
    /// <param name="options">The line limit (it bounds a chunk, so memory never follows a line that does not end) and progress.</param>
    public static ActivationAggregate Aggregate(string path, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= AnalysisOptions.Default;
        var (chunkSize, maxLineLength, bytesRead) = (options.ChunkSize, options.MaxLineLength, options.BytesRead);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLineLength, ReaderLimits.LargestMaxLineLength);
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        var start = Utf8Start(file, length);
        if (start < 0)
        {
            // Empty, or UTF-16/32: the generated reader says which, with its own error.
            return ActivationAnalyzer.AggregatePromptsSerially(path, options, cancellationToken);
        }

        // Mapped, not read: each chunk is parsed where the page cache holds it, without being copied out first. A chunk's
        // view is unmapped when it is done, so the file's pages never count as the process's memory all at once. (A file cut
        // short while it is read faults instead of reading short; a build's inputs do not change under it.)
        using var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var chunkCount = (int)Math.Max(1, (length - start + chunkSize - 1) / chunkSize);
        var results = new ChunkResult?[chunkCount];
        var total = new ActivationAggregate();
        var merged = 0;
        var lineOffset = 0L;
        var firstFailure = int.MaxValue;
        var gate = new object();
        var nextChunk = 0;
        long done = 0;

        try
        {
            ReadChunks();
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            // An I/O error in a chunk: rethrown as itself, as a serial read would have thrown it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerExceptions[0]);
        }

        if (firstFailure != int.MaxValue)
        {
            var failure = results[firstFailure]!.Failure!;
            var before = results.Take(firstFailure).Sum(r => r!.LineCount);
            throw new SchemaDataException(failure.Kind, path, before + failure.Line, failure.Column, failure.Field, failure.Expected, failure.Found);
        }

        if (total.RecordCount == 0)
        {
            // Only blank lines: the generated reader's "empty file" error.
            return ActivationAnalyzer.AggregatePromptsSerially(path, options, cancellationToken);
        }

        total.TrimExcess();
        return total;

        // Each core takes the next chunk in file order, so finished chunks merge soon instead of waiting for a
        // far-behind one (Parallel.For over the chunks would start each core at its own end of the range).
        void ReadChunks() => Parallel.For(0, Math.Min(Environment.ProcessorCount, chunkCount), new ParallelOptions { CancellationToken = cancellationToken }, _ =>
        {
            var reader = new ChunkReader(path, maxLineLength);
            int chunk;
            while ((chunk = Interlocked.Increment(ref nextChunk) - 1) < chunkCount && chunk <= Volatile.Read(ref firstFailure))
            {
                var from = LineStartAtOrAfter(file, length, start + ((long)chunk * chunkSize), start, maxLineLength);
                var to = chunk == chunkCount - 1 ? length : LineStartAtOrAfter(file, length, start + ((long)(chunk + 1) * chunkSize), start, maxLineLength);
                var result = reader.Read(map, from, to, cancellationToken);
                bytesRead?.Report(Interlocked.Add(ref done, to - from));
                lock (gate)
                {
                    results[chunk] = result;
                    if (result.Failure is not null)
                    {
                        firstFailure = Math.Min(firstFailure, chunk);
                    }

                    while (merged < chunkCount && merged < firstFailure && results[merged] is { } next)
                    {
                        total.Absorb(next.Aggregate!, lineOffset);
                        lineOffset += next.LineCount;
                        results[merged++] = next with { Aggregate = null };
                    }
                }
            }
        });
    }

    /// <summary>Where the UTF-8 text starts (after a BOM), or -1 for an empty file or a UTF-16/32 one.</summary>
    private static long Utf8Start(SafeFileHandle file, long length)
    {
        Span<byte> head = stackalloc byte[4];
        var read = RandomAccess.Read(file, head, 0);
        head = head[..read];
        if (read == 0 || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return -1;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Math.Min(3, length) : 0;
    }

    /// <summary>
    /// The first line start at or after <paramref name="position"/>: just past the line end before it. The search
    /// stops after the longest line and its CR LF: a line that goes on past them is too long, and the chunk is cut
    /// inside it, where the chunk reading the line's start finds it too long (so a file without line ends is not
    /// searched to its end by every chunk).
    /// </summary>
    private static long LineStartAtOrAfter(SafeFileHandle file, long length, long position, long textStart, int maxLineLength)
    {
        if (position <= textStart)
        {
            return textStart;
        }

        var searchEnd = Math.Min(length, position + maxLineLength + 1);
        var window = new byte[64 << 10];
        for (var at = position - 1; at < searchEnd; at += window.Length)
        {
            var read = RandomAccess.Read(file, window.AsSpan(0, (int)Math.Min(window.Length, searchEnd - at)), at);
            var newline = window.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return at + newline + 1;
            }

            if (read == 0)
            {
                break;
            }
        }

        return searchEnd;
    }

    /// <summary>A chunk's partial aggregate and line count, or where its first bad line is (chunk-relative).</summary>
    private sealed record ChunkResult(ActivationAggregate? Aggregate, long LineCount, SchemaDataException? Failure);

    /// <summary>One core's reader: its scanner is reused chunk after chunk.</summary>
    private sealed class ChunkReader(string path, int maxLineLength)
    {
        private readonly PromptLineScanner scanner = new();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe ChunkResult Read(MemoryMappedFile map, long from, long to, CancellationToken cancellationToken)
        {
            var aggregate = new ActivationAggregate();
            if (to == from)
            {
                return new ChunkResult(aggregate, 0, null); // inside a line longer than a chunk, which the chunk before reads
            }

            if (to - from > int.MaxValue)
            {
                throw new IOException($"{path}: a line of more than 2 GB cannot be read.");
            }

            using var view = map.CreateViewAccessor(from, to - from, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            try
            {
                return Read(new ReadOnlySpan<byte>(pointer + view.PointerOffset, (int)(to - from)), from, aggregate, cancellationToken);
            }
            finally
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private ChunkResult Read(ReadOnlySpan<byte> data, long from, ActivationAggregate aggregate, CancellationToken cancellationToken)
        {
            long line = 0;
            var consumed = 0;
            while (consumed < data.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = data[consumed..].IndexOf((byte)'\n');
                if (end < 0)
                {
                    end = data.Length - consumed; // the file's last line has no line end
                }

                line++;
                if (Add(data.Slice(consumed, end), line, from + consumed, aggregate) is { } failure)
                {
                    return new ChunkResult(aggregate, line, failure);
                }

                consumed += end + 1;
            }

            return new ChunkResult(aggregate, line, null);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private SchemaDataException? Add(ReadOnlySpan<byte> text, long line, long offset, ActivationAggregate aggregate)
        {
            if (text.Length > 0 && text[^1] == '\r')
            {
                text = text[..^1];
            }

            if (text.Length > maxLineLength)
            {
                return Utf8LineSource.TooLong(path, line, text, maxLineLength);
            }

            if (text.IsWhiteSpace() || scanner.TryAdd(text, line, offset, aggregate))
            {
                return null;
            }

            // The generated reader on this line alone: it reads what the scanner declined, or says what is wrong.
            try
            {
                using var reader = new FeatureRecordJsonlReader(Stream.Null, path, maxLineLength);
                var record = reader.ReadLine(text, line);
                aggregate.Add(record, new RecordLocation(line, offset, text.Length));
                aggregate.CountGeneratedReaderRecord();
                aggregate.CountReplacedSurrogates(reader.ReplacedSurrogates, line, reader.FirstReplacedColumn);
                return null;
            }
            catch (SchemaDataException exception)
            {
                return new SchemaDataException(exception.Kind, path, line, exception.Column, exception.Field, exception.Expected, exception.Found);
            }
        }
    }
}

file static class ByteSpanExtensions
{
    /// <summary>JSON whitespace only (the generated reader skips such lines).</summary>
    public static bool IsWhiteSpace(this ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r"u8) < 0;
}
