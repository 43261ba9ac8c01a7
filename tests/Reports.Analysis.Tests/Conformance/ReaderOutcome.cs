using Reports.Analysis.Diagnostics;
using Reports.Schema;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>How a reader ended on an input: it read it, or it reported a located error of the code base's own kinds.</summary>
internal abstract record ReaderOutcome
{
    /// <summary>Runs <paramref name="read"/> on a thread of its own, at most <see cref="TimeLimit"/>: a case must end, and end soon.</summary>
    /// <param name="reader">Which reader runs, for the failure message.</param>
    public static ReaderOutcome Of<T>(string reader, Func<T> read)
        where T : class
    {
        var task = Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeLimit))
        {
            Assert.Fail($"{reader}: still reading after {TimeLimit.TotalSeconds} s");
        }

        try
        {
            return new Read<T>(task.GetAwaiter().GetResult());
        }
        catch (SchemaDataException exception)
        {
            return new Failed(SchemaErrorDiagnostics.CodeOf(exception.Kind), exception.Kind.ToString(), exception.Line, exception.Column, exception.Message);
        }
        catch (ReportInputException exception)
        {
            var diagnostic = exception.Diagnostic;
            return new Failed(diagnostic.Code, nameof(ReportInputException), diagnostic.Line, diagnostic.Column, diagnostic.Message);
        }
        catch (Exception exception)
        {
            // Neither of the code base's located errors: a crash, whatever its type.
            Assert.Fail($"{reader}: threw {exception.GetType().FullName}: {exception.Message.Split('\n')[0]}\n{exception}");
            throw;
        }
    }

    /// <summary>The most a small input may take (the readers take milliseconds; a machine busy with other tests, more).</summary>
    public static TimeSpan TimeLimit { get; } = TimeSpan.FromSeconds(5);

    /// <summary>A short statement of the outcome, the same whatever the line and column: "read", or "RPT002 MalformedJson".</summary>
    public abstract string Describe();

    /// <summary>The reader read the input into <paramref name="Value"/>.</summary>
    public sealed record Read<T>(T Value) : ReaderOutcome
    {
        public override string Describe() => "read";
    }

    /// <summary>A located error: a <see cref="SchemaDataException"/> (its kind) or a <see cref="ReportInputException"/>.</summary>
    public sealed record Failed(string Code, string Kind, long Line, long Column, string Message) : ReaderOutcome
    {
        public override string Describe() => $"{Code} {Kind}";

        public override string ToString() => $"{Describe()} at ({Line},{Column}): {Message}";
    }
}
