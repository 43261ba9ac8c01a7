using Reports.Analysis.Diagnostics;
using Reports.Schema;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// What a reader made of a file: its result, or one of the two exceptions the readers document for bad input. Any other
/// exception is a <see cref="PropertyViolation"/> (a crash where the user should have got a located error).
/// </summary>
internal sealed record ReadOutcome<T>(T? Value, Exception? Error) where T : class
{
    public static ReadOutcome<T> Of(string reader, Func<T> read)
    {
        try
        {
            return new ReadOutcome<T>(read(), null);
        }
        catch (Exception error) when (error is SchemaDataException or ReportInputException)
        {
            // SchemaDataException documents both as 1-based; a diagnostic may say 0 for "the whole file" or "unknown".
            if (error is SchemaDataException { Line: < 1 } or SchemaDataException { Column: < 1 } or ReportInputException { Diagnostic.Line: < 0 } or ReportInputException { Diagnostic.Column: < 0 })
            {
                throw new PropertyViolation($"{reader}: an error at a place that is not in the file: {error.Message}", error);
            }

            return new ReadOutcome<T>(null, error);
        }
        catch (Exception error)
        {
            throw new PropertyViolation($"{reader} threw {error.GetType().FullName} instead of SchemaDataException or ReportInputException: {error.Message}", error);
        }
    }

    /// <summary>Kind (or diagnostic code), line and column: what two readers of the same bad file must agree on.</summary>
    public string ErrorPlace => Error switch
    {
        SchemaDataException e => $"{e.Kind} at ({e.Line},{e.Column})",
        ReportInputException e => $"{e.Diagnostic.Code} at ({e.Diagnostic.Line},{e.Diagnostic.Column})",
        _ => "no error",
    };
}
