using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;
using Reports.Schema;
using Xunit.Sdk;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// A prompts file read both ways, the parallel projecting reader (split into 4 KB chunks) and the generated reader
/// record by record, which must agree: the same error at the same line and column, or equal aggregates.
/// </summary>
internal sealed record PromptsReading(string Path, ReaderOutcome Serial, ReaderOutcome Parallel)
{
    public static PromptsReading Of(string path)
    {
        var serial = ReaderOutcome.Of("the generated reader (AggregatePromptsSerially)", () => ActivationAnalyzer.AggregatePromptsSerially(path));
        var parallel = ReaderOutcome.Of("the parallel reader (ParallelPromptReader)", () => ParallelPromptReader.Aggregate(path, new AnalysisOptions { ChunkSize = 4096 }));
        var reading = new PromptsReading(path, serial, parallel);
        reading.AssertPathsAgree();
        return reading;
    }

    /// <summary>The outcome both paths gave.</summary>
    public ReaderOutcome Outcome => Serial;

    /// <summary>Both aggregates of a file both paths read; fails the test when they failed.</summary>
    public IEnumerable<ActivationAggregate> Aggregates
    {
        get
        {
            if (Serial is not ReaderOutcome.Read<ActivationAggregate> serial || Parallel is not ReaderOutcome.Read<ActivationAggregate> parallel)
            {
                throw new XunitException($"expected both readers to read the file, found {Serial}");
            }

            return [serial.Value, parallel.Value];
        }
    }

    /// <summary>Both paths failed with an error located in the case's lines.</summary>
    public ReaderOutcome.Failed AssertFailedWithin(long firstLine, long lastLine)
    {
        if (Outcome is not ReaderOutcome.Failed failed)
        {
            throw new XunitException($"expected a located error at line {firstLine}{(lastLine > firstLine ? $"..{lastLine}" : "")}, but both readers read the file");
        }

        Assert.True(failed.Line >= firstLine && failed.Line <= lastLine,
            $"expected the error at line {firstLine}{(lastLine > firstLine ? $"..{lastLine}" : "")}, found {failed}");
        Assert.True(failed.Column >= 1, $"expected a column, found {failed}");
        if (failed.Kind == nameof(SchemaErrorKind.UnsupportedEncoding))
        {
            // The error names the first bad byte, so it must point at it.
            Assert.Equal(Utf8Position.ColumnOfFirstInvalidByte(PromptsFile.LineOf(Path, failed.Line)), failed.Column);
        }

        return failed;
    }

    private void AssertPathsAgree()
    {
        switch (Serial, Parallel)
        {
            case (ReaderOutcome.Failed serial, ReaderOutcome.Failed parallel):
                if ((serial.Code, serial.Line, serial.Column) != (parallel.Code, parallel.Line, parallel.Column))
                {
                    throw new XunitException($"the readers disagree: the generated reader gave {serial}; the parallel reader gave {parallel}");
                }

                break;
            case (ReaderOutcome.Failed serial, _):
                throw new XunitException($"the readers disagree: the generated reader gave {serial}; the parallel reader read the file");
            case (_, ReaderOutcome.Failed parallel):
                throw new XunitException($"the readers disagree: the generated reader read the file; the parallel reader gave {parallel}");
            default:
                var aggregates = Aggregates.ToArray();
                try
                {
                    AggregateAssert.Same(aggregates[0], aggregates[1], Path);
                    Assert.Equal(aggregates[0].ReplacedSurrogates, aggregates[1].ReplacedSurrogates);
                }
                catch (XunitException exception)
                {
                    throw new XunitException($"the readers disagree on the aggregate: {exception.Message}");
                }
                catch (Exception exception)
                {
                    // AggregateAssert reads the parallel reader's strongest prompts back (PendingPrompts.Complete), as a report does.
                    throw new XunitException($"comparing the aggregates (with the read-back of the strongest prompts) threw {exception.GetType().FullName}: {exception.Message.Split('\n')[0]}\n{exception}");
                }

                break;
        }
    }
}
