using System;

namespace Reports.Schema.Parsing;

/// <summary>A sample that cannot be parsed, at a 0-based line and column of the sample file.</summary>
internal sealed class SampleSyntaxException(string id, int line, int column, string message) : Exception(message)
{
    public string Id { get; } = id;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
