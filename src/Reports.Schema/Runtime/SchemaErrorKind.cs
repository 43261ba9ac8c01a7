namespace Reports.Schema.Runtime;

/// <summary>What kind of problem a <see cref="SchemaDataException"/> reports.</summary>
public enum SchemaErrorKind
{
    EmptyFile,
    UnsupportedEncoding,
    MalformedCsv,
    MalformedJson,
    MissingColumn,
    WrongFieldCount,
    MissingField,
    TypeMismatch,
    NonFiniteNumber,
    DuplicateColumn,
    DuplicateField,
    LineTooLong,
}
