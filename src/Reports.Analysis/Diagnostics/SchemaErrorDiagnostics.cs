using Reports.Schema;

namespace Reports.Analysis.Diagnostics;

/// <summary>
/// Turns the generated readers' <see cref="SchemaDataException"/> into a coded, located diagnostic that says, after
/// what is wrong, how to put it right.
/// </summary>
public static class SchemaErrorDiagnostics
{
    /// <param name="sample">The schema sample the reader was generated from, named where the fix may be to change it.</param>
    public static ReportDiagnostic ToDiagnostic(this SchemaDataException exception, string? sample = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(DiagnosticSeverity.Error, CodeOf(exception.Kind), exception.Message + "; " + FixFor(exception, sample), exception.FilePath, exception.Line, exception.Column);
    }

    public static string CodeOf(SchemaErrorKind kind) => kind switch
    {
        SchemaErrorKind.EmptyFile => DiagnosticCodes.EmptyFile,
        SchemaErrorKind.UnsupportedEncoding => DiagnosticCodes.UnsupportedEncoding,
        SchemaErrorKind.MalformedJson => DiagnosticCodes.MalformedJson,
        SchemaErrorKind.MalformedCsv => DiagnosticCodes.MalformedCsv,
        SchemaErrorKind.MissingColumn => DiagnosticCodes.MissingColumn,
        SchemaErrorKind.WrongFieldCount => DiagnosticCodes.WrongFieldCount,
        SchemaErrorKind.MissingField => DiagnosticCodes.MissingField,
        SchemaErrorKind.TypeMismatch => DiagnosticCodes.TypeMismatch,
        SchemaErrorKind.NonFiniteNumber => DiagnosticCodes.NonFiniteNumber,
        SchemaErrorKind.DuplicateColumn => DiagnosticCodes.DuplicateColumn,
        SchemaErrorKind.DuplicateField => DiagnosticCodes.DuplicateField,
        SchemaErrorKind.LineTooLong => DiagnosticCodes.LineTooLong,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A schema error kind without a diagnostic code."),
    };

    /// <summary>What to do about an error of this kind: the data's writer's way of getting it right, or the sample's.</summary>
    public static string FixFor(SchemaDataException exception, string? sample = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var theSample = sample is null ? "the schema sample" : $"the schema sample {sample}";
        return exception.Kind switch
        {
            SchemaErrorKind.EmptyFile => "write the data to it (an empty file is mostly an export that failed or has not finished)",
            SchemaErrorKind.UnsupportedEncoding => "save the file as UTF-8 (pandas writes UTF-8 unless told otherwise; in a spreadsheet, choose \"CSV UTF-8\")",
            SchemaErrorKind.MalformedJson when exception.Found.StartsWith("the end of the line", StringComparison.Ordinal) =>
                "the line looks cut short: was the file still being written, or copied only in part? Write it again",
            SchemaErrorKind.MalformedJson => "each line must be one JSON object, as json.dumps(record) or DataFrame.to_json(orient=\"records\", lines=True) writes it",
            SchemaErrorKind.MalformedCsv => "quote a field that holds a comma, a quote or a line break, and double the quotes inside it, as pandas' to_csv does",
            SchemaErrorKind.MissingColumn => $"restore the column; if the data's shape changed on purpose, paste its new header and a few rows into {theSample}",
            SchemaErrorKind.WrongFieldCount => "give every row the header's columns, and quote a field that holds a comma, as pandas' to_csv does",
            SchemaErrorKind.MissingField => $"add the field; if it may be left out, leave it out of one line of {theSample} too, and it is read as optional",
            SchemaErrorKind.TypeMismatch => $"correct the value; if the field's type changed on purpose, update {theSample} (or its Types metadata)",
            SchemaErrorKind.NonFiniteNumber when exception.FilePath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && exception.Field == "feature_id" =>
                "a row without its feature_id cannot be reported: fill it in, or drop such rows (pandas: df.dropna(subset=[\"feature_id\"]))",
            SchemaErrorKind.NonFiniteNumber when exception.FilePath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) =>
                $"fill in the number; if it may be missing, make the column optional with an empty cell in one row of {theSample} or with its Types metadata (double?)",
            SchemaErrorKind.NonFiniteNumber => "write null for a missing number (pandas' to_json does): NaN and Infinity are not JSON",
            SchemaErrorKind.DuplicateColumn => "rename or drop one of the two columns",
            SchemaErrorKind.DuplicateField => "keep one of the two values",
            SchemaErrorKind.LineTooLong => "if the file is right, raise the limit with MaxLineLength on the ActivationReport item (--max-line-length)",
            _ => "see the README's table of errors",
        };
    }
}
