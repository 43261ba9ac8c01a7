using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using Reports.Analysis.Aggregation;
using Reports.Schema;

namespace Reports.Analysis.Reading.Internals;

/// <summary>A chunk's partial aggregate and line count, or where its first bad line is (chunk-relative).</summary>
internal sealed record ChunkResult(ActivationAggregate? Aggregate, long LineCount, Exception? Failure);

/// <summary>
/// One core's parser of chunks of prompts text: <see cref="PromptLineScanner"/> for each line, the generated reader for a
/// line the scanner declines. Its scanner is reused chunk after chunk.
/// </summary>
internal sealed class ChunkParser(int maxLineLength)
{
    private readonly PromptLineScanner scanner = new();

    /// <summary>Parses the bytes <paramref name="from"/> to <paramref name="to"/> of a mapped file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe ChunkResult Parse(string path, MemoryMappedFile map, long from, long to, CancellationToken cancellationToken)
    {
        if (to == from)
        {
            return new ChunkResult(new ActivationAggregate(), 0, null); // inside a line longer than a chunk, which the chunk before reads
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
            return Parse(path, new ReadOnlySpan<byte>(pointer + view.PointerOffset, (int)(to - from)), from, cancellationToken);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    /// <summary>Parses <paramref name="data"/>, which starts at byte <paramref name="from"/> of the file's text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ChunkResult Parse(string path, ReadOnlySpan<byte> data, long from, CancellationToken cancellationToken)
    {
        var aggregate = new ActivationAggregate();
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
            if (Add(path, data.Slice(consumed, end), line, from + consumed, aggregate) is { } failure)
            {
                return new ChunkResult(aggregate, line, failure);
            }

            consumed += end + 1;
        }

        return new ChunkResult(aggregate, line, null);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SchemaDataException? Add(string path, ReadOnlySpan<byte> text, long line, long offset, ActivationAggregate aggregate)
    {
        if (text.Length > 0 && text[^1] == '\r')
        {
            text = text[..^1];
        }

        if (text.Length > maxLineLength)
        {
            return Utf8LineSource.TooLong(path, line, text, maxLineLength);
        }

        if (text.IndexOfAnyExcept(" \t\r"u8) < 0 || scanner.TryAdd(text, line, offset, aggregate))
        {
            return null; // JSON whitespace only: the generated reader skips such lines
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
