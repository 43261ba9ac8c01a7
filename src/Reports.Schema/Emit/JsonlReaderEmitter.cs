using System.Linq;
using Reports.Schema.Model;

namespace Reports.Schema.Emit;

/// <summary>
/// Emits <c>XxxJsonlReader</c>, which reads one record per line with <c>Utf8JsonReader</c> (no reflection), and the
/// per-record parse methods: one pass over the properties, unknown ones skipped, missing ones reported.
/// </summary>
internal static class JsonlReaderEmitter
{
    /// <param name="rt">The runtime's namespace, <c>global::</c>-qualified.</param>
    public static void Emit(CodeWriter code, SampleModel sample, string rt)
    {
        var root = sample.Root;
        var reader = root.Name + "JsonlReader";
        var parser = root.Name + "JsonParser";
        code.Line($"/// <summary>Streams <see cref=\"{root.Name}\"/> records from a JSONL file: one JSON object per line, memory bounded by the longest line.</summary>");
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Reports.Schema\", \"1.0\")]");
        code.Line($"public sealed class {reader} : global::System.IDisposable");
        code.Line("{");
        code.Line("/// <summary>The schema sample this reader was generated from (its file name), for errors whose fix may be to change it.</summary>");
        code.Line($"public const string SampleFileName = {CodeWriter.Quote(System.IO.Path.GetFileName(sample.Path))};");
        code.Line();
        code.Line($"private readonly {rt}.Utf8LineSource lines;");
        code.Line($"private readonly {rt}.JsonlRecordContext context;");
        code.Line("private bool sawRecord;");
        code.Line();
        code.Line("/// <param name=\"stream\">UTF-8 data; the reader disposes it.</param>");
        code.Line("/// <param name=\"path\">The file's path, used in error messages only.</param>");
        code.Line($"public {reader}(global::System.IO.Stream stream, string path)");
        code.Line($"    : this(stream, path, {rt}.ReaderLimits.DefaultMaxLineLength)");
        code.Line("{");
        code.Line("}");
        code.Line();
        code.Line("/// <param name=\"stream\">UTF-8 data; the reader disposes it.</param>");
        code.Line("/// <param name=\"path\">The file's path, used in error messages only.</param>");
        code.Line($"/// <param name=\"maxLineLength\">The longest line accepted, in bytes (<see cref=\"{rt}.ReaderLimits\"/>).</param>");
        code.Line($"public {reader}(global::System.IO.Stream stream, string path, int maxLineLength)");
        code.Line("{");
        code.Line($"lines = new {rt}.Utf8LineSource(stream, path, maxLineLength);");
        code.Line($"context = new {rt}.JsonlRecordContext(path);");
        code.Line("}");
        code.Line();
        code.Line("/// <summary>1-based line of the record returned last.</summary>");
        code.Line("public long RecordLine { get; private set; }");
        code.Line();
        code.Line("/// <summary>Strings and names read so far with a lone surrogate escape, read as U+FFFD; and where the first was.</summary>");
        code.Line("public long ReplacedSurrogates => context.ReplacedSurrogates;");
        code.Line();
        code.Line("public long FirstReplacedLine => context.FirstReplacedLine;");
        code.Line();
        code.Line("public long FirstReplacedColumn => context.FirstReplacedColumn;");
        code.Line();
        code.Line($"public static {reader} Open(string path) => Open(path, {rt}.ReaderLimits.DefaultMaxLineLength);");
        code.Line();
        code.Line($"public static {reader} Open(string path, int maxLineLength) =>");
        code.Line($"    new {reader}(new global::System.IO.FileStream(path, global::System.IO.FileMode.Open, global::System.IO.FileAccess.Read, global::System.IO.FileShare.Read, 1 << 16, global::System.IO.FileOptions.SequentialScan), path, maxLineLength);");
        code.Line();
        code.Line($"/// <exception cref=\"{rt}.SchemaDataException\">The line is not JSON, or does not match the schema sample.</exception>");
        code.Line($"public bool TryRead([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {root.Name}? record)");
        code.Line("{");
        code.Line("while (lines.TryReadLine(out var line))");
        code.Line("{");
        code.Line($"if ({rt}.Utf8LineSource.IsBlank(line))");
        code.Line("{");
        code.Line("continue;");
        code.Line("}");
        code.Line();
        code.Line("sawRecord = true;");
        code.Line("RecordLine = lines.LineNumber;");
        code.Line("record = ReadLine(line, RecordLine);");
        code.Line("return true;");
        code.Line("}");
        code.Line();
        code.Line("if (!sawRecord)");
        code.Line("{");
        code.Line($"throw lines.Error({rt}.SchemaErrorKind.EmptyFile, 1, 1, null, \"one JSON object per line\", lines.EmptyDescription);");
        code.Line("}");
        code.Line();
        code.Line("record = null;");
        code.Line("return false;");
        code.Line("}");
        code.Line();
        code.Line("/// <summary>Parses one line read elsewhere (a line another reader declined), with this reader's checks and located errors.</summary>");
        code.Line($"/// <exception cref=\"{rt}.SchemaDataException\">The line is not JSON, or does not match the schema sample.</exception>");
        code.Line($"public {root.Name} ReadLine(global::System.ReadOnlySpan<byte> line, long lineNumber)");
        code.Line("{");
        code.Line("if (line.Length > lines.MaxLineLength)");
        code.Line("{");
        code.Line($"throw {rt}.Utf8LineSource.TooLong(lines.Path, lineNumber, line, lines.MaxLineLength);");
        code.Line("}");
        code.Line();
        code.Line("context.Begin(line, lineNumber);");
        EmitReadOneValue(code, "line", "json", $"{rt}.ReaderLimits.MaxDepth", $"{parser}.Read{root.Name}", "record");
        code.Line("}");
        code.Line();
        code.Line("public void Dispose() => lines.Dispose();");
        code.Line("}");
        code.Line();
        code.Line($"/// <summary>Parses the records of <see cref=\"{reader}\"/> from a <c>Utf8JsonReader</c> positioned on their first token.</summary>");
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Reports.Schema\", \"1.0\")]");
        code.Line($"internal static class {parser}");
        code.Line("{");
        var first = true;
        foreach (var record in sample.Records)
        {
            if (!first)
            {
                code.Line();
            }

            first = false;
            EmitRecordParser(code, record, rt);
        }

        EmitListReaders(code, sample, rt);
        code.Line("}");
    }

    private static void EmitRecordParser(CodeWriter code, RecordShape record, string rt)
    {
        code.Line($"internal static {record.Name} Read{record.Name}(ref global::System.Text.Json.Utf8JsonReader reader, {rt}.JsonlRecordContext context)");
        code.Line("{");
        code.Line("context.Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, \"an object\");");
        code.Line("var objectStart = reader.TokenStartIndex;");
        foreach (var field in record.Fields)
        {
            code.Line($"{LocalType(field)} {Local(field)} = default;");
            code.Line($"var has{field.PropertyName} = false;");
        }

        code.Line("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        code.Line("{");
        code.Line("if (!context.IsTextName(ref reader))");
        code.Line("{");
        code.Line("// A name with a lone surrogate escape is no field of the sample's: skipped, and counted.");
        code.Line("reader.Read();");
        code.Line("reader.Skip();");
        code.Line("continue;");
        code.Line("}");
        code.Line();
        var keyword = "if";
        foreach (var field in record.Fields)
        {
            code.Line($"{keyword} (reader.ValueTextEquals({CodeWriter.Utf8(field.DataName)}))");
            code.Line("{");
            code.Line($"if (has{field.PropertyName})");
            code.Line("{");
            code.Line($"throw context.Duplicate({CodeWriter.Quote(field.DataName)}, reader.TokenStartIndex);");
            code.Line("}");
            code.Line();
            code.Line("reader.Read();");
            code.Line($"context.Enter({CodeWriter.Quote(field.DataName)});");
            code.Line($"{Local(field)} = {ReadValue(record, field)};");
            code.Line("context.Leave();");
            code.Line($"has{field.PropertyName} = true;");

            code.Line("}");
            keyword = "else if";
        }

        code.Line(record.Fields.Count == 0 ? "reader.Read();" : "else");
        if (record.Fields.Count > 0)
        {
            code.Line("{");
            code.Line("reader.Read();");
            code.Line("reader.Skip();");
            code.Line("}");
        }
        else
        {
            code.Line("reader.Skip();");
        }

        code.Line("}");
        code.Line();
        foreach (var field in record.Fields.Where(f => !f.Nullable))
        {
            code.Line($"if (!has{field.PropertyName})");
            code.Line("{");
            code.Line($"throw context.Missing({CodeWriter.Quote(field.DataName)}, objectStart, {CodeWriter.Quote(Expected(field))});");
            code.Line("}");
            code.Line();
        }

        code.Line($"return new {record.Name}");
        code.Line("{");
        foreach (var field in record.Fields)
        {
            var value = !field.Nullable && !field.IsValueType ? Local(field) + "!" : Local(field);
            code.Line($"{field.PropertyName} = {value},");
        }

        code.Line("};");
        code.Line("}");
    }

    /// <summary>The expression reading a field's value; arrays are read by a helper of their own.</summary>
    private static string ReadValue(RecordShape record, FieldShape field)
    {
        if (field.Kind == ValueKind.Array)
        {
            return $"Read{record.Name}{field.PropertyName}(ref reader, context)";
        }

        return field.Kind == ValueKind.Object
            ? (field.Nullable
                ? $"reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : Read{field.Record!.Name}(ref reader, context)"
                : $"Read{field.Record!.Name}(ref reader, context)")
            : $"context.{FieldShape.Helper(field.Kind, field.Nullable)}(ref reader)";
    }

    /// <summary>What a field's value must be, as errors say it.</summary>
    /// <summary>
    /// The statements that read one JSON value from <paramref name="input"/> with a record parser, System.Text.Json's
    /// errors becoming located schema errors: a whole line here, one nested object in <see cref="JsonShapeEmitter"/>.
    /// </summary>
    internal static void EmitReadOneValue(CodeWriter code, string input, string reader, string maxDepth, string readMethod, string result)
    {
        code.Line($"var {reader} = new global::System.Text.Json.Utf8JsonReader({input}, new global::System.Text.Json.JsonReaderOptions {{ MaxDepth = {maxDepth} }});");
        code.Line("try");
        code.Line("{");
        code.Line($"{reader}.Read();");
        code.Line($"var {result} = {readMethod}(ref {reader}, context);");
        code.Line($"{reader}.Read();");
        code.Line($"return {result};");
        code.Line("}");
        code.Line("catch (global::System.Text.Json.JsonException exception)");
        code.Line("{");
        code.Line("throw context.Malformed(exception);");
        code.Line("}");
    }

    internal static string Expected(FieldShape field) =>
        field.Kind == ValueKind.Array ? "an array of " + Plural(field.Element) : FieldShape.Describe(field.Kind);

    private static string Plural(ValueKind kind) => kind switch
    {
        ValueKind.Object => "objects",
        ValueKind.Integer => "integers",
        ValueKind.Double => "numbers",
        ValueKind.Boolean => "booleans",
        _ => "strings",
    };

    private static string Local(FieldShape field) => "@" + char.ToLowerInvariant(field.PropertyName[0]) + field.PropertyName.Substring(1);

    private static string LocalType(FieldShape field) => field.IsValueType && !field.Nullable ? field.TypeName : field.TypeName.TrimEnd('?') + "?";

    /// <summary>Emits, for each array field, a helper reading the array item by item.</summary>
    private static void EmitListReaders(CodeWriter code, SampleModel sample, string rt)
    {
        foreach (var record in sample.Records)
        {
            foreach (var field in record.Fields.Where(f => f.Kind == ValueKind.Array))
            {
                var item = field.ScalarType(field.Element);
                var readItem = field.Element == ValueKind.Object
                    ? $"Read{field.Record!.Name}(ref reader, context)"
                    : $"context.{FieldShape.Helper(field.Element, false)}(ref reader)";
                code.Line();
                code.Line($"private static global::System.Collections.Generic.IReadOnlyList<{item}>{(field.Nullable ? "?" : "")} Read{record.Name}{field.PropertyName}(ref global::System.Text.Json.Utf8JsonReader reader, {rt}.JsonlRecordContext context)");
                code.Line("{");
                if (field.Nullable)
                {
                    code.Line("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
                    code.Line("{");
                    code.Line("return null;");
                    code.Line("}");
                    code.Line();
                }

                code.Line($"context.Expect(ref reader, global::System.Text.Json.JsonTokenType.StartArray, {CodeWriter.Quote(Expected(field))});");
                code.Line($"var items = new global::System.Collections.Generic.List<{item}>();");
                code.Line("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)");
                code.Line("{");
                code.Line("context.EnterIndex(items.Count);");
                code.Line($"items.Add({readItem});");
                code.Line("context.Leave();");
                code.Line("}");
                code.Line();
                code.Line("return items;");
                code.Line("}");
            }
        }
    }
}
