using System.Collections.Generic;
using Reports.Schema.Model;

namespace Reports.Schema.Parsing;

/// <summary>What the sample says about one field so far: the widest kind seen, whether it was ever empty or missing.</summary>
internal sealed class FieldInfo(string dataName)
{
    public string DataName { get; } = dataName;

    public ValueKind Kind { get; set; }

    public bool Nullable { get; set; }

    /// <summary>How many records (or objects) had the field.</summary>
    public int Seen { get; set; }

    /// <summary>For arrays: the widest kind of their items.</summary>
    public ValueKind Element { get; set; }

    /// <summary>For objects and arrays of objects: the fields of the nested object.</summary>
    public ObjectInfo? Object { get; set; }
}

/// <summary>The fields of an object across all its instances in the sample, in first-seen order.</summary>
internal sealed class ObjectInfo
{
    public List<FieldInfo> Fields { get; } = [];

    public int Instances { get; set; }

    public FieldInfo Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.DataName == name)
            {
                return field;
            }
        }

        var added = new FieldInfo(name);
        Fields.Add(added);
        return added;
    }
}
