using System.Collections.Generic;
using System.Linq;
using Reports.Schema.Model;

namespace Reports.Schema.Parsing;

/// <summary>
/// Type inference like F# Data's providers: integers and floats widen to double, a value missing or empty in some
/// sample row makes the field nullable, and a field with incompatible kinds (a string here, a number there) is an error.
/// </summary>
internal static class TypeInference
{
    /// <summary>Widens a kind with a new one; null when they cannot be combined.</summary>
    public static ValueKind? Widen(ValueKind current, ValueKind next)
    {
        if (current == ValueKind.Unknown || current == next)
        {
            return next;
        }

        if (next == ValueKind.Unknown)
        {
            return current;
        }

        if ((current == ValueKind.Integer && next == ValueKind.Double) || (current == ValueKind.Double && next == ValueKind.Integer))
        {
            return ValueKind.Double;
        }

        return null;
    }

    /// <summary>Adds a JSON object instance to what is known of its fields.</summary>
    public static void AddObject(ObjectInfo info, JsonValue value, string path)
    {
        info.Instances++;
        foreach (var property in value.Properties)
        {
            var field = info.Field(property.Key);
            field.Seen++;
            AddValue(field, property.Value, path.Length == 0 ? property.Key : path + "." + property.Key);
        }
    }

    /// <summary>Fields missing from some instances become nullable; recursively.</summary>
    public static void Complete(ObjectInfo info)
    {
        foreach (var field in info.Fields)
        {
            if (field.Seen < info.Instances)
            {
                field.Nullable = true;
            }

            if (field.Object is not null)
            {
                Complete(field.Object);
            }
        }
    }

    private static void AddValue(FieldInfo field, JsonValue value, string path)
    {
        if (value.IsNull)
        {
            field.Nullable = true;
            return;
        }

        field.Kind = WidenOrFail(field.Kind, value.Kind, value, path);
        if (value.Kind == ValueKind.Object)
        {
            field.Object ??= new ObjectInfo();
            AddObject(field.Object, value, path);
        }
        else if (value.Kind == ValueKind.Array)
        {
            foreach (var item in value.Items.Where(i => !i.IsNull))
            {
                field.Element = WidenOrFail(field.Element, item.Kind, item, path + "[]");
                if (item.Kind == ValueKind.Object)
                {
                    field.Object ??= new ObjectInfo();
                    AddObject(field.Object, item, path);
                }
                else if (item.Kind == ValueKind.Array)
                {
                    throw new SampleSyntaxException("RPTG006", item.Line, item.Column, $"'{path}' holds arrays of arrays, which schema samples do not support");
                }
            }
        }
    }

    private static ValueKind WidenOrFail(ValueKind current, ValueKind next, JsonValue value, string path) =>
        Widen(current, next) ?? throw new SampleSyntaxException("RPTG005", value.Line, value.Column,
            $"'{path}' is {FieldShape.Describe(current)} in an earlier sample record but {FieldShape.Describe(next)} here; make the sample consistent or set its type with the Types metadata");
}
