namespace Reports.Schema.Runtime;

/// <summary>A field of a CSV record: its text and where it starts.</summary>
internal readonly struct CsvField
{
    public CsvField(string value, long line, long column, bool quoted)
    {
        Value = value;
        Line = line;
        Column = column;
        Quoted = quoted;
    }

    public string Value { get; }

    public long Line { get; }

    public long Column { get; }

    public bool Quoted { get; }
}
