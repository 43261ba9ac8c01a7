using System.Collections.Concurrent;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// Records the self-contained blocks of a document (<see cref="Block.Record"/>: its charts) on a thread of its own,
/// in the order they are added, while layout goes on and the pages are drawn; the drawing thread takes the pictures
/// in the same order. A chart costs milliseconds of managed layout and drawing, a heatmap continued over hundreds of
/// pages seconds: recorded beside the rest, what is left to the drawing thread is playing the pictures into the PDF.
/// </summary>
internal sealed class PictureRecorder : IDisposable
{
    /// <summary>How far the recording may run ahead of the drawing: bounds the pictures held at once (a few MB).</summary>
    private const int Ahead = 64;

    private readonly BlockingCollection<Func<SKPicture>> pending = [];
    private readonly BlockingCollection<SKPicture> pictures = new(Ahead);
    private readonly CancellationTokenSource stop = new();
    private readonly Task recording;

    public PictureRecorder() =>
        recording = Task.Factory.StartNew(RecordAll, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public void Add(Func<SKPicture> record) => pending.Add(record);

    /// <summary>No more blocks will be added.</summary>
    public void CompleteAdding() => pending.CompleteAdding();

    /// <summary>The picture of the next block added; rethrows what recording it threw.</summary>
    public SKPicture Next()
    {
        if (pictures.TryTake(out var picture, Timeout.Infinite, stop.Token))
        {
            return picture;
        }

        recording.GetAwaiter().GetResult();
        throw new InvalidOperationException("More pictures were asked for than blocks were added.");
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

        foreach (var picture in pictures)
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
            foreach (var record in pending.GetConsumingEnumerable(stop.Token))
            {
                var picture = record();
                try
                {
                    pictures.Add(picture, stop.Token);
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
