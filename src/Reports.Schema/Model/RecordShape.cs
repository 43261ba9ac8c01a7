namespace Reports.Schema.Model;

/// <summary>A record to emit: its C# name and fields, in the sample's order.</summary>
internal sealed record RecordShape(string Name, EquatableArray<FieldShape> Fields);
