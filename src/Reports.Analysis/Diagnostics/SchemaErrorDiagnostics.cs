using Reports.Schema;

namespace Reports.Analysis.Diagnostics;

/// <summary>Turns the generated readers' <see cref="SchemaDataException"/> into a coded, located diagnostic.</summary>
public static class SchemaErrorDiagnostics
{
    public static ReportDiagnostic ToDiagnostic(this SchemaDataException exception) =>
        new(DiagnosticSeverity.Error, CodeOf(exception.Kind), exception.Message, exception.FilePath, exception.Line, exception.Column);

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
}
