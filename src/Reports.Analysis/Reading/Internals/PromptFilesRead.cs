using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Diagnostics;
using Reports.Schema;

namespace Reports.Analysis.Reading.Internals;

/// <summary>
/// One read of a list of prompts files on all cores (<see cref="ParallelPromptReader"/>). A producer walks the files in
/// order and queues their chunks: a text file's as byte ranges that a core maps and parses where the page cache holds
/// them, a compressed file's as buffers it decompresses (one core decompresses, the others parse). The cores take
/// chunks from the queue whatever file they are in, so no core idles at the end of a file. Results merge in file
/// order: a file's chunks into the file's aggregate, then the files' aggregates into the total one after another, so
/// the total is the same bits however the files were listed or grouped (a partial aggregate per file merges the same
/// way).
/// </summary>
internal sealed class PromptFilesRead : IDisposable
{
    private readonly IReadOnlyList<string> paths;
    private readonly int chunkSize;
    private readonly int maxLineLength;
    private readonly IProgress<long>? bytesRead;
    private readonly CancellationToken cancellationToken; // the caller's
    private readonly CancellationTokenSource stopping; // the caller's, or a failure of the data
    private readonly BlockingCollection<Job> jobs;

    // Decompressed chunks on their way to a core or being parsed: one a core and one ahead, so memory stays a few chunks
    // however far the decompressing thread could run ahead.
    private readonly SemaphoreSlim buffers = new(Environment.ProcessorCount + 1);
    private readonly ChunkBuffers chunkBuffers;
    private readonly FileState[] files;
    private readonly object gate = new();
    private readonly List<MappedText> opened = [];
    private ActivationAggregate? total;
    private int mergeFile;
    private Exception? failure; // the first error in file order: what the read throws
    private long done;

    public PromptFilesRead(IReadOnlyList<string> paths, AnalysisOptions options, CancellationToken cancellationToken)
    {
        this.paths = paths;
        (chunkSize, maxLineLength, bytesRead) = (options.ChunkSize, options.MaxLineLength, options.BytesRead);
        this.cancellationToken = cancellationToken;
        stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        jobs = new BlockingCollection<Job>(2 * Environment.ProcessorCount + 2);
        files = [.. paths.Select(_ => new FileState())];
        chunkBuffers = new ChunkBuffers(chunkSize);
    }

    public ActivationAggregate Read()
    {
        var token = stopping.Token;
        var producer = Task.Factory.StartNew(Produce, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var workers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Factory.StartNew(Work, token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task[] all = [producer, .. workers];
        try
        {
            Task.WaitAll(all);
        }
        catch (AggregateException)
        {
            // A failure of the data stops the others (a cancellation they see); anything else is rethrown as itself.
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();

        var fault = all.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.Flatten().InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
        if (fault is not null)
        {
            ExceptionDispatchInfo.Throw(fault);
        }

        total!.TrimExcess();
        return total;
    }

    private void Produce()
    {
        try
        {
            for (var file = 0; file < paths.Count && !stopping.IsCancellationRequested; file++)
            {
                var handle = InputFile.Open(paths[file], () => File.OpenHandle(paths[file], FileMode.Open, FileAccess.Read, FileShare.Read));
                var compression = CompressedText.Of(handle);
                if (compression == TextCompression.None)
                {
                    ProduceMapped(file, handle);
                }
                else
                {
                    handle.Dispose();
                    ProduceDecompressed(file, compression);
                }
            }
        }
        finally
        {
            jobs.CompleteAdding();
        }
    }

    private void ProduceMapped(int file, Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        var text = MappedText.Open(paths[file], handle);
        lock (gate)
        {
            opened.Add(text);
            files[file].Text = text;
        }

        if (text.Start < 0)
        {
            Queue(file, 1, [new WholeFile(file, TextCompression.None)]);
            return;
        }

        var count = (int)Math.Max(1, (text.Length - text.Start + chunkSize - 1) / chunkSize);
        Queue(file, count, Enumerable.Range(0, count).Select(chunk => new MappedChunk(file, chunk, text)));
    }

    private void ProduceDecompressed(int file, TextCompression compression)
    {
        using var stream = CompressedText.OpenText(paths[file], compression, out var compressed);
        var chunker = new TextChunker(stream, chunkSize, maxLineLength, chunkBuffers);
        var chunk = 0;
        var reported = 0L;
        try
        {
            var start = chunker.Start();
            if (start < 0)
            {
                Queue(file, 1, [new WholeFile(file, compression)]);
                return;
            }

            foreach (var piece in chunker.Chunks(start))
            {
                if (chunker.Ended && compression == TextCompression.Gzip && !CompressedText.GzipSizeMatches(paths[file], chunker.End))
                {
                    // A gzip stream cut at a block's end reads as a shorter text without an error: its trailer tells.
                    // Said at the last line read, before that line (cut short too, mostly) is parsed.
                    var lines = piece.Buffer.AsSpan(0, piece.Length).Count((byte)'\n') + 1;
                    chunker.Buffers.Return(piece.Buffer);
                    Queue(file, chunk + 1, [new Failed(file, chunk, Corrupt(paths[file], compression, lines, chunker.End, new EndOfStreamException("the text is shorter than the gzip trailer says")))]);
                    return;
                }

                try
                {
                    buffers.Wait(stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    chunker.Buffers.Return(piece.Buffer);
                    throw;
                }

                jobs.Add(new BufferedChunk(file, chunk++, piece, chunker.Buffers), stopping.Token);
                var position = compressed.Position;
                bytesRead?.Report(Interlocked.Add(ref done, position - reported));
                reported = position;
            }

            SetChunkCount(file, chunk);
        }
        catch (Exception exception) when (exception is InvalidDataException or ZstdSharp.ZstdException or EndOfStreamException)
        {
            // The chunk being cut holds the bad data: its lines before it say where, once the chunks before are merged.
            var line = chunker.PendingLines + 1;
            Queue(file, chunk + 1, [new Failed(file, chunk, Corrupt(paths[file], compression, line, chunker.End, exception))]);
        }
        finally
        {
            chunker.Release();
        }
    }

    /// <summary>Queues a file's jobs, its chunk count known.</summary>
    private void Queue(int file, int count, IEnumerable<Job> fileJobs)
    {
        SetChunkCount(file, count);
        foreach (var job in fileJobs)
        {
            jobs.Add(job, stopping.Token);
        }
    }

    private void SetChunkCount(int file, int count)
    {
        lock (gate)
        {
            files[file].ChunkCount = count;
            Advance();
        }
    }

    private void Work()
    {
        var parser = new ChunkParser(maxLineLength);
        foreach (var job in jobs.GetConsumingEnumerable(stopping.Token))
        {
            ChunkResult result;
            try
            {
                result = job switch
                {
                    MappedChunk mapped => ParseMapped(parser, mapped),
                    BufferedChunk buffered => parser.Parse(paths[job.File], buffered.Text.Buffer.AsSpan(0, buffered.Text.Length), buffered.Text.Offset, stopping.Token),
                    WholeFile whole => ReadWhole(whole),
                    Failed failed => new ChunkResult(null, 0, failed.Exception),
                    _ => throw new InvalidOperationException(),
                };
            }
            finally
            {
                if (job is BufferedChunk buffered)
                {
                    buffered.Pool.Return(buffered.Text.Buffer);
                    buffers.Release();
                }
            }

            lock (gate)
            {
                files[job.File].Results[job.Chunk] = result;
                Advance();
            }
        }
    }

    private ChunkResult ParseMapped(ChunkParser parser, MappedChunk job)
    {
        var text = job.Text;
        var from = text.LineStartAtOrAfter(text.Start + ((long)job.Chunk * chunkSize), maxLineLength);
        var to = job.Chunk == files[job.File].ChunkCount - 1 ? text.Length : text.LineStartAtOrAfter(text.Start + ((long)(job.Chunk + 1) * chunkSize), maxLineLength);
        var result = parser.Parse(paths[job.File], text.Map, from, to, stopping.Token);
        bytesRead?.Report(Interlocked.Add(ref done, to - from));
        return result;
    }

    /// <summary>A file the chunks cannot take (empty, UTF-16/32): the generated reader reads it, or says what is wrong.</summary>
    private ChunkResult ReadWhole(WholeFile job)
    {
        try
        {
            var aggregate = ParallelPromptReader.AggregateSerially(paths[job.File], job.Compression, maxLineLength, stopping.Token);
            return new ChunkResult(aggregate, 0, null);
        }
        catch (SchemaDataException exception)
        {
            return new ChunkResult(null, 0, exception);
        }
    }

    /// <summary>Merges what is ready, in file order; called under the gate.</summary>
    private void Advance()
    {
        while (mergeFile < files.Length && failure is null)
        {
            var state = files[mergeFile];
            if (state.ChunkCount >= 0 && state.Merged == state.ChunkCount)
            {
                FinishFile(mergeFile++);
                continue;
            }

            if (!state.Results.Remove(state.Merged, out var result))
            {
                return;
            }

            if (result.Failure is not null)
            {
                Stop(Relocated(result.Failure, state.LineOffset));
                return;
            }

            state.Aggregate.Absorb(result.Aggregate!, state.LineOffset);
            state.LineOffset += result.LineCount;
            state.Merged++;
        }
    }

    private void FinishFile(int file)
    {
        var state = files[file];
        state.Text?.Dispose(); // its chunks are all parsed

        if (state.Aggregate.RecordCount == 0)
        {
            // Only blank lines: the generated reader's "empty file" error, which it gives when it reads the file itself.
            try
            {
                ParallelPromptReader.AggregateSerially(paths[file], CompressedText.Of(paths[file]), maxLineLength, stopping.Token);
            }
            catch (SchemaDataException exception)
            {
                Stop(exception);
                return;
            }
        }

        if (total is null && file == 0)
        {
            total = state.Aggregate; // the first file's records are file 0's already
        }
        else
        {
            (total ??= new ActivationAggregate()).Absorb(state.Aggregate, 0, file);
        }

        state.Aggregate = null!;
    }

    private void Stop(Exception exception)
    {
        failure = exception;
        stopping.Cancel();
    }

    /// <summary>A chunk's error, with the lines of the file's chunks before it added.</summary>
    private static Exception Relocated(Exception exception, long linesBefore) => exception switch
    {
        SchemaDataException e => new SchemaDataException(e.Kind, e.FilePath, linesBefore + e.Line, e.Column, e.Field, e.Expected, e.Found),
        ReportInputException { Diagnostic: var d } => new ReportInputException(d with { Line = linesBefore + d.Line }),
        _ => exception,
    };

    private static ReportInputException Corrupt(string path, TextCompression compression, long line, long decompressed, Exception exception)
    {
        var name = CompressedText.Name(compression);
        var cut = exception is EndOfStreamException || exception.Message.Contains("end", StringComparison.OrdinalIgnoreCase);
        return new ReportInputException(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.CorruptCompressedInput,
            $"expected {name} data to its end, found {(cut ? "data cut short" : "damaged data")} after {decompressed:N0} bytes of text ({exception.Message.TrimEnd('.')}); the file was not written or copied whole: write or copy it again",
            path, line, 1));
    }

    public void Dispose()
    {
        foreach (var text in opened)
        {
            text.Dispose();
        }

        stopping.Dispose();
        jobs.Dispose();
        buffers.Dispose();
    }

    private abstract record Job(int File, int Chunk);

    private sealed record MappedChunk(int File, int Chunk, MappedText Text) : Job(File, Chunk);

    private sealed record BufferedChunk(int File, int Chunk, TextChunk Text, ChunkBuffers Pool) : Job(File, Chunk);

    private sealed record WholeFile(int File, TextCompression Compression) : Job(File, 0);

    private sealed record Failed(int File, int Chunk, Exception Exception) : Job(File, Chunk);

    private sealed class FileState
    {
        public int ChunkCount { get; set; } = -1;

        public Dictionary<int, ChunkResult> Results { get; } = [];

        public int Merged { get; set; }

        public long LineOffset { get; set; }

        public ActivationAggregate Aggregate { get; set; } = new();

        public MappedText? Text { get; set; }
    }
}
