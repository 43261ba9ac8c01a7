using System.Collections.Generic;
using System.Linq;
using Reports.Schema.Model;

namespace Reports.Schema.Emit;

/// <summary>
/// Emits, per object shape of a JSONL sample, <c>XxxJson</c>: the fields as an enum in the sample's order, their
/// names in the data as UTF-8, which are required, and (for a nested object) a parse of one object on its own. It is
/// for code that reads the data without the generated reader, so the sample stays the one description of the data:
/// a field renamed, added or removed there changes the enum, and such code stops compiling until it follows.
/// </summary>
internal static class JsonShapeEmitter
{
    /// <summary>A field's bit in <c>Required</c> is <c>1UL &lt;&lt; (int)field</c>: the mask is emitted for objects of up to 64 fields.</summary>
    private const int MaskBits = 64;

    /// <param name="rt">The runtime's namespace, <c>global::</c>-qualified.</param>
    public static void Emit(CodeWriter code, SampleModel sample, string rt)
    {
        var parser = sample.Root.Name + "JsonParser";
        var file = System.IO.Path.GetFileName(sample.Path);
        foreach (var (record, path) in Paths(sample.Root, []))
        {
            code.Line();
            EmitShape(code, record, path, file, parser, rt);
        }
    }

    /// <summary>Every object shape with the fields that lead to it from the line's root (none for the root).</summary>
    private static IEnumerable<(RecordShape Record, FieldShape[] Path)> Paths(RecordShape record, FieldShape[] path)
    {
        yield return (record, path);
        foreach (var field in record.Fields.Where(f => f.Record is not null))
        {
            foreach (var nested in Paths(field.Record!, [.. path, field]))
            {
                yield return nested;
            }
        }
    }

    private static void EmitShape(CodeWriter code, RecordShape record, FieldShape[] path, string file, string parser, string rt)
    {
        code.Line("/// <summary>");
        code.Line($"/// The JSON fields of <see cref=\"{record.Name}\"/> as the schema sample <c>{file}</c> has them, for code that reads");
        code.Line("/// the data without the generated reader: a field renamed, added or removed in the sample changes <see cref=\"Field\"/>,");
        code.Line("/// and code that names its members, or switches over them with no default, stops compiling until it follows.");
        code.Line("/// </summary>");
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Reports.Schema\", \"1.0\")]");
        code.Line($"internal static class {record.Name}Json");
        code.Line("{");
        code.Line("/// <summary>The fields, in the order the sample has them (a writer of the data most likely keeps it).</summary>");
        code.Line("public enum Field");
        code.Line("{");
        foreach (var field in record.Fields)
        {
            code.Line($"/// <summary><c>{field.DataName}</c>: {Describe(field)}.</summary>");
            code.Line(field.PropertyName + ",");
        }

        code.Line("}");
        code.Line();
        code.Line("/// <summary>How many fields there are: <see cref=\"Field\"/> counts from 0.</summary>");
        code.Line($"public const int Count = {record.Fields.Count};");
        if (record.Fields.Count <= MaskBits)
        {
            var required = record.Fields.Where(f => !f.Nullable).Select(f => $"(1UL << (int)Field.{f.PropertyName})").ToArray();
            code.Line();
            code.Line("/// <summary>The fields an object must have, a bit each (<c>1UL &lt;&lt; (int)field</c>): the sample lacks the others somewhere, or has them null.</summary>");
            code.Line($"public const ulong Required = {(required.Length == 0 ? "0" : string.Join(" | ", required))};");
        }

        code.Line();
        code.Line("/// <summary>The field's name in the data, as UTF-8.</summary>");
        code.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        code.Line("public static global::System.ReadOnlySpan<byte> Name(Field field) => field switch");
        code.Line("{");
        foreach (var field in record.Fields)
        {
            code.Line($"Field.{field.PropertyName} => {CodeWriter.Utf8(field.DataName)},");
        }

        code.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(field)),");
        code.Line("};");
        code.Line();
        code.Line("/// <summary>The field of this name (its UTF-8 bytes, escapes decoded), if the sample has one.</summary>");
        code.Line("public static bool TryFind(global::System.ReadOnlySpan<byte> name, out Field field)");
        code.Line("{");
        foreach (var field in record.Fields)
        {
            code.Line($"if (global::System.MemoryExtensions.SequenceEqual(name, {CodeWriter.Utf8(field.DataName)}))");
            code.Line("{");
            code.Line($"field = Field.{field.PropertyName};");
            code.Line("return true;");
            code.Line("}");
            code.Line();
        }

        code.Line("field = default;");
        code.Line("return false;");
        code.Line("}");
        if (path.Length > 0)
        {
            EmitParse(code, record, path, parser, rt);
        }

        code.Line("}");
    }

    /// <summary>A nested object read on its own: the generated reader's parse of it, its errors located in its line.</summary>
    private static void EmitParse(CodeWriter code, RecordShape record, FieldShape[] path, string parser, string rt)
    {
        var taken = new HashSet<string> { "json", "path", "lineNumber", "column", "context", "reader", "value", "exception" };
        var indices = path.Where(f => f.Kind == ValueKind.Array)
            .ToDictionary(f => f, f => Naming.Unique(char.ToLowerInvariant(f.PropertyName[0]) + f.PropertyName.Substring(1) + "Index", taken));
        var where = string.Join(".", path.Select(f => f.Kind == ValueKind.Array ? f.DataName + "[]" : f.DataName));

        // The reader's nesting limit counts from the line's root: each object and array around this one takes a level.
        var depth = path.Length + path.Count(f => f.Kind == ValueKind.Array);
        code.Line();
        code.Line("/// <summary>");
        code.Line($"/// Reads one object of <c>{where}</c> on its own, a part of a line read before, with the generated reader's checks");
        code.Line("/// and errors: a reader that kept only where the object is reads it back whole this way.");
        code.Line("/// </summary>");
        code.Line("/// <param name=\"json\">The object, from its <c>{</c> to its <c>}</c>.</param>");
        code.Line("/// <param name=\"path\">The file's path, for errors.</param>");
        code.Line("/// <param name=\"lineNumber\">The object's line (1-based), for errors.</param>");
        foreach (var index in indices)
        {
            code.Line($"/// <param name=\"{index.Value}\">The object's place in <c>{index.Key.DataName}</c> (0-based), for errors.</param>");
        }

        code.Line("/// <param name=\"column\">Where the object starts in its line (1-based, in characters), for errors: asked for only when there is one.</param>");
        code.Line($"/// <exception cref=\"{rt}.SchemaDataException\">The object is not JSON, or does not match the schema sample.</exception>");
        var parameters = string.Concat(indices.Values.Select(i => ", int " + i));
        code.Line($"internal static {record.Name} Parse(global::System.ReadOnlySpan<byte> json, string path, long lineNumber{parameters}, global::System.Func<long> column)");
        code.Line("{");
        code.Line($"var context = new {rt}.JsonlRecordContext(path);");
        code.Line("context.BeginPart(json, lineNumber, column);");
        foreach (var field in path)
        {
            code.Line($"context.Enter({CodeWriter.Quote(field.DataName)});");
            if (indices.TryGetValue(field, out var index))
            {
                code.Line($"context.EnterIndex({index});");
            }
        }

        JsonlReaderEmitter.EmitReadOneValue(code, "json", "reader", $"{rt}.ReaderLimits.MaxDepth - {depth}", $"{parser}.Read{record.Name}", "value");
        code.Line("}");
    }

    private static string Describe(FieldShape field)
    {
        var type = field.Kind switch
        {
            ValueKind.Array when field.Element == ValueKind.Object => $"an array of objects (<see cref=\"{field.Record!.Name}\"/>)",
            ValueKind.Object => $"an object (<see cref=\"{field.Record!.Name}\"/>)",
            _ => JsonlReaderEmitter.Expected(field),
        };
        return field.Nullable ? type + ", may be missing or null" : type;
    }
}
