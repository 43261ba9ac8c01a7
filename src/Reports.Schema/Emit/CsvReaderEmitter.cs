using System.Linq;
using Reports.Schema.Model;

namespace Reports.Schema.Emit;

/// <summary>Emits <c>XxxCsvReader</c>: maps header columns to fields once, then converts each record's fields with located errors.</summary>
internal static class CsvReaderEmitter
{
    /// <param name="rt">The runtime's namespace, <c>global::</c>-qualified.</param>
    public static void Emit(CodeWriter code, RecordShape record, string sampleFile, string rt)
    {
        var reader = record.Name + "CsvReader";
        var columns = string.Join(", ", record.Fields.Select(f => CodeWriter.Quote(f.DataName)));
        code.Line($"/// <summary>Streams <see cref=\"{record.Name}\"/> records from an RFC 4180 CSV file (UTF-8, LF or CRLF).</summary>");
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Reports.Schema\", \"1.0\")]");
        code.Line($"public sealed class {reader} : global::System.IDisposable");
        code.Line("{");
        code.Line("/// <summary>The schema sample this reader was generated from (its file name), for errors whose fix may be to change it.</summary>");
        code.Line($"public const string SampleFileName = {CodeWriter.Quote(System.IO.Path.GetFileName(sampleFile))};");
        code.Line();
        code.Line($"private static readonly string[] Columns = {{ {columns} }};");
        code.Line($"private readonly {rt}.CsvRecordParser parser;");
        code.Line("private readonly int[] map = new int[Columns.Length];");
        code.Line("private readonly int fieldCount;");
        code.Line($"private readonly {rt}.CsvMissingTally missing = new(Columns);");
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
        code.Line($"/// <param name=\"maxLineLength\">The longest record accepted, in bytes (<see cref=\"{rt}.ReaderLimits\"/>).</param>");
        code.Line($"public {reader}(global::System.IO.Stream stream, string path, int maxLineLength)");
        code.Line("{");
        code.Line($"parser = new {rt}.CsvRecordParser(stream, path, maxLineLength);");
        code.Line("if (!parser.TryRead(out var header))");
        code.Line("{");
        code.Line($"throw parser.Lines.Error({rt}.SchemaErrorKind.EmptyFile, 1, 1, null, \"a header line naming the columns\", parser.Lines.EmptyDescription);");
        code.Line("}");
        code.Line();
        code.Line("fieldCount = header.Count;");
        code.Line("for (var i = 0; i < header.Count; i++)");
        code.Line("{");
        code.Line("// Lines ended by CR alone (classic Mac OS) are one long line to an RFC 4180 reader: say so, not \"a column named twice\".");
        code.Line("if (header[i].Value.IndexOf('\\r') >= 0)");
        code.Line("{");
        code.Line($"throw parser.Lines.Error({rt}.SchemaErrorKind.MalformedCsv, header[i].Line, header[i].Column, header[i].Value.Substring(0, header[i].Value.IndexOf('\\r')), \"lines ending in LF or CRLF\", \"a line ended by CR alone (classic Mac OS line ends); save the file with LF or CRLF line ends\");");
        code.Line("}");
        code.Line();
        code.Line("for (var j = 0; j < i; j++)");
        code.Line("{");
        code.Line("if (header[i].Value == header[j].Value)");
        code.Line("{");
        code.Line($"throw parser.Lines.Error({rt}.SchemaErrorKind.DuplicateColumn, header[i].Line, header[i].Column, header[i].Value, \"each column named once\", \"a second column with this name\");");
        code.Line("}");
        code.Line("}");
        code.Line("}");
        code.Line();
        code.Line("for (var c = 0; c < Columns.Length; c++)");
        code.Line("{");
        code.Line("map[c] = -1;");
        code.Line("for (var i = 0; i < header.Count; i++)");
        code.Line("{");
        code.Line("if (header[i].Value == Columns[c])");
        code.Line("{");
        code.Line("map[c] = i;");
        code.Line("}");
        code.Line("}");
        code.Line();
        code.Line("if (map[c] < 0)");
        code.Line("{");
        code.Line($"throw parser.Lines.Error({rt}.SchemaErrorKind.MissingColumn, parser.RecordLine, 1, Columns[c], \"a column named \\\"\" + Columns[c] + \"\\\" in the header\", \"a header without it\");");
        code.Line("}");
        code.Line("}");
        code.Line("}");
        code.Line();
        code.Line("/// <summary>The nullable numeric columns that had missing values (empty, or pandas' NaN spellings) so far: how many, and where the first was.</summary>");
        code.Line($"public global::System.Collections.Generic.IReadOnlyList<{rt}.CsvMissingValues> MissingValues => missing.Columns;");
        code.Line();
        code.Line("/// <summary>Line where the record returned last starts (quoted fields may span lines).</summary>");
        code.Line("public long RecordLine => parser.RecordLine;");
        code.Line();
        code.Line("/// <summary>");
        code.Line("/// Byte offset in the stream where the record returned last starts (past a byte order mark), to read it again");
        code.Line("/// later with <see cref=\"Seek\"/> instead of holding it.");
        code.Line("/// </summary>");
        code.Line("public long RecordOffset => parser.RecordOffset;");
        code.Line();
        code.Line("/// <summary>");
        code.Line("/// Makes the next <see cref=\"TryRead\"/> read the record that starts at <paramref name=\"offset\"/> (a");
        code.Line("/// <see cref=\"RecordOffset\"/> of this file), counting lines from <paramref name=\"line\"/> (its");
        code.Line("/// <see cref=\"RecordLine\"/>) so errors still name the right line. A record in the buffer is reached without");
        code.Line("/// a seek, so reading records again in file order reads the file once.");
        code.Line("/// </summary>");
        code.Line("/// <exception cref=\"global::System.NotSupportedException\">The stream cannot seek.</exception>");
        code.Line("public void Seek(long offset, long line) => parser.Seek(offset, line);");
        code.Line();
        code.Line($"public static {reader} Open(string path) => Open(path, {rt}.ReaderLimits.DefaultMaxLineLength);");
        code.Line();
        code.Line($"public static {reader} Open(string path, int maxLineLength)");
        code.Line("{");
        code.Line("var stream = new global::System.IO.FileStream(path, global::System.IO.FileMode.Open, global::System.IO.FileAccess.Read, global::System.IO.FileShare.Read, 1 << 16, global::System.IO.FileOptions.SequentialScan);");
        code.Line("try");
        code.Line("{");
        code.Line($"return new {reader}(stream, path, maxLineLength);");
        code.Line("}");
        code.Line("catch");
        code.Line("{");
        code.Line("stream.Dispose();");
        code.Line("throw;");
        code.Line("}");
        code.Line("}");
        code.Line();
        code.Line($"/// <exception cref=\"{rt}.SchemaDataException\">The record does not match the schema sample.</exception>");
        code.Line($"public bool TryRead([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {record.Name}? record)");
        code.Line("{");
        code.Line("if (!parser.TryRead(out var fields))");
        code.Line("{");
        code.Line("record = null;");
        code.Line("return false;");
        code.Line("}");
        code.Line();
        code.Line("if (fields.Count != fieldCount)");
        code.Line("{");
        code.Line($"throw parser.Lines.Error({rt}.SchemaErrorKind.WrongFieldCount, parser.RecordLine, 1, null, fieldCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" fields, as in the header\", fields.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" fields\");");
        code.Line("}");
        code.Line();
        code.Line("var source = parser.Lines;");
        code.Line($"record = new {record.Name}");
        code.Line("{");
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            var helper = $"{rt}.CsvValues.{FieldShape.Helper(field.Kind, field.Nullable)}";
            var value = field.Kind == ValueKind.String ? $"{helper}(fields[map[{i}]])"
                : field.Nullable && field.Kind is ValueKind.Integer or ValueKind.Double ? $"{helper}(source, fields[map[{i}]], {CodeWriter.Quote(field.DataName)}, missing, {i})"
                : $"{helper}(source, fields[map[{i}]], {CodeWriter.Quote(field.DataName)})";
            code.Line($"{field.PropertyName} = {value},");
        }

        code.Line("};");
        code.Line("return true;");
        code.Line("}");
        code.Line();
        code.Line("public void Dispose() => parser.Dispose();");
        code.Line("}");
    }
}
