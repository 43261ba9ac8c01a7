using System;
using System.Linq;
using Reports.Schema.Model;

namespace Reports.Schema.Parsing;

/// <summary>
/// Applies the <c>Types</c> metadata: <c>column=type,...</c>, a type being long, double, bool or string, with an
/// optional <c>?</c>. Entries are separated by commas: the compiler reads item metadata from an .editorconfig file,
/// where a <c>;</c> starts a comment, so everything after the first <c>;</c> never reaches the generator (a
/// <c>;</c> is still accepted for samples given to the generator directly). Nested JSON fields are named by their dotted path (<c>active_prompts.prompt_id=long</c>).
/// </summary>
internal static class TypeOverrides
{
    public static void Apply(ObjectInfo root, string overrides)
    {
        foreach (var entry in overrides.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=');
            if (parts.Length != 2)
            {
                throw Bad($"'{entry.Trim()}' is not of the form column=type");
            }

            var path = parts[0].Trim();
            var type = parts[1].Trim();
            var nullable = type.EndsWith("?", StringComparison.Ordinal);
            var kind = type.TrimEnd('?') switch
            {
                "long" => ValueKind.Integer,
                "double" => ValueKind.Double,
                "bool" => ValueKind.Boolean,
                "string" => ValueKind.String,
                _ => throw Bad($"'{type}' in '{entry.Trim()}' is not a type: use long, double, bool or string, optionally with '?'"),
            };

            var field = Find(root, path) ?? throw Bad($"'{path}' in the Types metadata is not a field of the sample");
            if (field.Kind is ValueKind.Object || (field.Kind is ValueKind.Array && field.Object is not null))
            {
                throw Bad($"'{path}' is an object or an array of objects; only scalar fields can be overridden");
            }

            if (field.Kind == ValueKind.Array)
            {
                field.Element = kind;
            }
            else
            {
                field.Kind = kind;
            }

            field.Nullable = nullable;
        }
    }

    private static FieldInfo? Find(ObjectInfo root, string path)
    {
        var names = path.Split('.');
        var current = root;
        FieldInfo? field = null;
        foreach (var name in names)
        {
            if (current is null)
            {
                return null;
            }

            field = current.Fields.FirstOrDefault(f => f.DataName == name);
            if (field is null)
            {
                return null;
            }

            current = field.Object;
        }

        return field;
    }

    private static SampleSyntaxException Bad(string message) => new("RPTG004", 0, 0, message);
}
