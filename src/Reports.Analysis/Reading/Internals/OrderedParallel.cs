using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Reports.Analysis.Reading.Internals;

/// <summary>
/// Work on every core over a sequence read on one thread, its results consumed in the sequence's order: a bounded
/// queue feeds the cores, and a result waits only for the ones before it. (PLINQ's ordered Select pulled the next chunk
/// under its lock on the consuming thread here and kept one core busy.)
/// </summary>
internal static class OrderedParallel
{
    public static void Run<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, Action<TOut> consume, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<(long Index, TIn Item)>(Environment.ProcessorCount + 1);
        var done = new Dictionary<long, TOut>();
        var gate = new object();
        var next = 0L;
        Exception? failure = null;

        void Fail(Exception exception)
        {
            lock (gate)
            {
                failure ??= exception;
            }

            stopping.Cancel();
        }

        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var index = 0L;
                foreach (var item in source)
                {
                    queue.Add((index++, item), stopping.Token);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Fail(exception);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, stopping.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var (index, item) in queue.GetConsumingEnumerable(stopping.Token))
                {
                    var result = work(item);
                    lock (gate)
                    {
                        done.Add(index, result);
                        // The consumer writes in order, under the gate: one writer at a time, the next result first.
                        while (failure is null && done.Remove(next, out var ready))
                        {
                            consume(ready);
                            next++;
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Fail(exception);
            }
        }, stopping.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        try
        {
            Task.WaitAll([producer, .. workers]);
        }
        catch (AggregateException)
        {
            // Cancellations after a failure: the failure is what is thrown.
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
