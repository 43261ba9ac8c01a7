using System;

namespace Reports.Schema.Model;

/// <summary>
/// One field of a record: its name in the data, its C# property name and type. For arrays, <see cref="Element"/>
/// describes the items; for objects (and arrays of objects), <see cref="Record"/> is the nested record.
/// </summary>
internal sealed record FieldShape(
    string DataName,
    string PropertyName,
    ValueKind Kind,
    bool Nullable,
    ValueKind Element,
    RecordShape? Record)
{
    public string ScalarType(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => "bool",
        ValueKind.Integer => "long",
        ValueKind.Double => "double",
        ValueKind.Object => Record!.Name,
        _ => "string",
    };

    public string TypeName => Kind == ValueKind.Array
        ? "global::System.Collections.Generic.IReadOnlyList<" + ScalarType(Element) + ">" + (Nullable ? "?" : "")
        : ScalarType(Kind) + (Nullable ? "?" : "");

    /// <summary>The name of the reader helper for a scalar ("Int64", "NullableDouble", ...).</summary>
    public static string Helper(ValueKind kind, bool nullable) => (nullable ? "Nullable" : "") + kind switch
    {
        ValueKind.Boolean => "Boolean",
        ValueKind.Integer => "Int64",
        ValueKind.Double => "Double",
        _ => "String",
    };

    public static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => "a boolean",
        ValueKind.Integer => "an integer",
        ValueKind.Double => "a number",
        ValueKind.Object => "an object",
        ValueKind.Array => "an array",
        _ => "a string",
    };

    public bool IsValueType => Kind is ValueKind.Boolean or ValueKind.Integer or ValueKind.Double;

    public static bool Is(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
