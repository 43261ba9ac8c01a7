using System.Collections.Generic;
using Reports.Schema.Model;

namespace Reports.Schema.Parsing;

/// <summary>A parsed JSON value of a sample, with where it starts (0-based) for diagnostics.</summary>
internal sealed class JsonValue(ValueKind kind, bool isNull, int line, int column)
{
    public ValueKind Kind { get; } = kind;

    public bool IsNull { get; } = isNull;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public List<KeyValuePair<string, JsonValue>> Properties { get; } = [];

    public List<JsonValue> Items { get; } = [];
}
