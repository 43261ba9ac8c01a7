namespace Reports.Schema.Runtime;

using System;

/// <summary>Data that does not match its schema sample, located in its file (1-based line and character column).</summary>
public sealed class SchemaDataException : Exception
{
    public SchemaDataException(SchemaErrorKind kind, string filePath, long line, long column, string? field, string expected, string found)
        : base((field is null ? "" : field + ": ") + "expected " + expected + ", found " + found)
    {
        Kind = kind;
        FilePath = filePath;
        Line = line;
        Column = column;
        Field = field;
        Expected = expected;
        Found = found;
    }

    public SchemaErrorKind Kind { get; }

    public string FilePath { get; }

    public long Line { get; }

    public long Column { get; }

    public string? Field { get; }

    public string Expected { get; }

    public string Found { get; }
}
