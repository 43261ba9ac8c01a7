using System.Collections.Concurrent;
using SkiaSharp;

namespace Reports.Rendering.Pdf.Internals;

/// <summary>
/// Records the self-contained blocks of a document (<see cref="Block.Record"/>: its charts) on a thread of its own,
/// in the order they are added, while layout goes on and the pages are drawn; the drawing thread takes each block's
/// picture in the same order (a block pagination left out only costs its picture). A chart costs milliseconds of
/// managed layout and drawing, a heatmap continued over hundreds of pages seconds: recorded beside the rest, what is
/// left to the drawing thread is playing the pictures into the PDF.
/// </summary>
internal sealed class PictureRecorder : IDisposable
{
    /// <summary>How far the recording may run ahead of the drawing: bounds the pictures held at once (a few MB).</summary>
    private const int Ahead = 64;

    private readonly BlockingCollection<Block> pending = [];
    private readonly BlockingCollection<(Block Block, SKPicture Picture)> pictures = new(Ahead);
    private readonly CancellationTokenSource stop = new();
    private readonly Task recording;

    public PictureRecorder() =>
        recording = Task.Factory.StartNew(RecordAll, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Queues a block with a <see cref="Block.Record"/> for recording.</summary>
    public void Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Record is null)
        {
            throw new ArgumentException("The block has nothing to record.", nameof(block));
        }

        pending.Add(block);
    }

    /// <summary>No more blocks will be added.</summary>
    public void CompleteAdding() => pending.CompleteAdding();

    /// <summary>The block's picture, which the caller disposes; rethrows what recording it threw.</summary>
    public SKPicture Take(Block block)
    {
        while (pictures.TryTake(out var recorded, Timeout.Infinite, stop.Token))
        {
            if (recorded.Block == block)
            {
                return recorded.Picture;
            }

            recorded.Picture.Dispose();
        }

        recording.GetAwaiter().GetResult();
        throw new InvalidOperationException("A block's picture was asked for after it, or without it being added.");
    }

    /// <summary>Stops the recording (when drawing failed midway) and frees the pictures not taken.</summary>
    public void Dispose()
    {
        pending.CompleteAdding();
        stop.Cancel();
        try
        {
            recording.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled, or failed after the drawing stopped taking pictures: nothing waits for it any more.
        }

        foreach (var (_, picture) in pictures)
        {
            picture.Dispose();
        }

        pending.Dispose();
        pictures.Dispose();
        stop.Dispose();
    }

    private void RecordAll()
    {
        try
        {
            foreach (var block in pending.GetConsumingEnumerable(stop.Token))
            {
                var picture = block.Record!();
                try
                {
                    pictures.Add((block, picture), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    picture.Dispose();
                    throw;
                }
            }
        }
        finally
        {
            pictures.CompleteAdding();
        }
    }
}
