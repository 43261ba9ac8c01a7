namespace Reports.Schema.Runtime;

/// <summary>How many values a CSV column left missing (empty, or one of pandas' NaN spellings), and where the first was.</summary>
public sealed class CsvMissingValues
{
    internal CsvMissingValues(string column, long firstLine, long firstColumn)
    {
        Column = column;
        FirstLine = firstLine;
        FirstColumn = firstColumn;
    }

    public string Column { get; }

    public long Count { get; internal set; }

    /// <summary>1-based line of the first missing value.</summary>
    public long FirstLine { get; }

    /// <summary>1-based column, in characters, of the first missing value.</summary>
    public long FirstColumn { get; }
}
