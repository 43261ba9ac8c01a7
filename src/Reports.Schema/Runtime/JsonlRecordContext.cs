namespace Reports.Schema.Runtime;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

/// <summary>
/// The state of reading one JSONL record: its line (for locations) and the path of the field being read,
/// kept as a stack so the dotted path (<c>active_prompts[3].prompt_feature_activation</c>) is built only for an error.
/// A record's nested object can be read on its own too (a part of a line read before), its errors located in its line.
/// </summary>
internal sealed class JsonlRecordContext
{
    private readonly List<KeyValuePair<string?, int>> path = new List<KeyValuePair<string?, int>>();
    private byte[] line = Array.Empty<byte>();
    private int lineLength;
    private Func<long>? startColumn;

    /// <param name="filePath">The file's path, for errors.</param>
    public JsonlRecordContext(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    public long Line { get; private set; }

    /// <summary>The bytes being read: a line, or the part of one that <see cref="BeginPart"/> was given.</summary>
    public ReadOnlySpan<byte> LineBytes => line.AsSpan(0, lineLength);

    /// <summary>Starts reading a line: checks that the whole of it is UTF-8, the values a record skips too.</summary>
    /// <exception cref="SchemaDataException">It is not.</exception>
    public void Begin(ReadOnlySpan<byte> bytes, long lineNumber) => Start(bytes, lineNumber, null);

    /// <summary>
    /// Starts reading a part of a line (a nested object) as <see cref="Begin"/> starts a line; the caller then enters the
    /// path to it (<see cref="Enter"/>, <see cref="EnterIndex"/>), so that errors name its fields as the line's would.
    /// </summary>
    /// <param name="startColumn">
    /// Where the part starts in its line (1-based, in characters): asked for only when there is an error, since
    /// knowing it may mean reading the line again.
    /// </param>
    public void BeginPart(ReadOnlySpan<byte> bytes, long lineNumber, Func<long> startColumn) => Start(bytes, lineNumber, startColumn);

    private void Start(ReadOnlySpan<byte> bytes, long lineNumber, Func<long>? start)
    {
        // The bytes are copied only to locate errors; the parse itself reads the caller's span.
        if (line.Length < bytes.Length)
        {
            line = new byte[Math.Max(bytes.Length, line.Length * 2)];
        }

        bytes.CopyTo(line);
        lineLength = bytes.Length;
        Line = lineNumber;
        startColumn = start;
        path.Clear();

        // Utf8JsonReader checks UTF-8 only in the strings it decodes.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var bad = Utf8LineSource.FirstInvalidUtf8(bytes);
            throw Error(SchemaErrorKind.UnsupportedEncoding, ColumnAt(bad), null, "UTF-8 text", Utf8LineSource.NotUtf8(bytes, bad));
        }
    }

    public void Enter(string name) => path.Add(new KeyValuePair<string?, int>(name, 0));

    public void EnterIndex(int index) => path.Add(new KeyValuePair<string?, int>(null, index));

    public void Leave() => path.RemoveAt(path.Count - 1);

    public string FieldPath
    {
        get
        {
            var text = new StringBuilder();
            foreach (var segment in path)
            {
                if (segment.Key is null)
                {
                    text.Append('[').Append(segment.Value.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(segment.Key);
                }
            }

            return text.ToString();
        }
    }

    /// <summary>The 1-based column, in its line, of a byte of <see cref="LineBytes"/>.</summary>
    public long ColumnAt(long byteOffset) => (startColumn is null ? 0 : startColumn() - 1) + Utf8LineSource.ColumnOf(LineBytes, (int)byteOffset);

    public SchemaDataException Error(SchemaErrorKind kind, long column, string? field, string expected, string found) =>
        new SchemaDataException(kind, FilePath, Line, column, field, expected, found);

    public SchemaDataException TypeMismatch(ref Utf8JsonReader reader, string expected) =>
        Error(SchemaErrorKind.TypeMismatch, ColumnAt(reader.TokenStartIndex), FieldPath.Length == 0 ? null : FieldPath, expected, Describe(ref reader));

    /// <summary>A field given twice in one object: I-JSON (RFC 7493) forbids it, and which value was meant is ambiguous.</summary>
    public SchemaDataException Duplicate(string field, long at) =>
        Error(SchemaErrorKind.DuplicateField, ColumnAt(at), FieldPath.Length == 0 ? field : FieldPath + "." + field, "each field once in an object (the values of a field given twice are ambiguous; RFC 7493)", "\"" + field + "\" a second time");

    public SchemaDataException Missing(string field, long objectStart, string expected) =>
        Error(SchemaErrorKind.MissingField, ColumnAt(objectStart), FieldPath.Length == 0 ? field : FieldPath + "." + field, "a field \"" + field + "\" (" + expected + ")", "an object without it");

    public long Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        throw TypeMismatch(ref reader, "an integer");
    }

    public long? NullableInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Int64(ref reader);

    public double Double(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out var value) && !double.IsInfinity(value))
            {
                return value;
            }

            throw Error(SchemaErrorKind.NonFiniteNumber, ColumnAt(reader.TokenStartIndex), FieldPath, "a finite number", Describe(ref reader));
        }

        throw TypeMismatch(ref reader, "a number");
    }

    public double? NullableDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Double(ref reader);

    public bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw TypeMismatch(ref reader, "true or false"),
    };

    public bool? NullableBoolean(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Boolean(ref reader);

    public string String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? Text(ref reader) : throw TypeMismatch(ref reader, "a string");

    /// <summary>
    /// Escapes of a surrogate without its pair (<c>"\uD800"</c>) are JSON but no character; Python writes them for
    /// broken text, where System.Text.Json throws. They read as U+FFFD, counted with the first place for a warning.
    /// </summary>
    public long ReplacedSurrogates { get; private set; }

    public long FirstReplacedLine { get; private set; }

    public long FirstReplacedColumn { get; private set; }

    /// <summary>A string or property name's text, a lone surrogate escape read as U+FFFD (and counted).</summary>
    public string Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (System.Text.Unicode.Utf8.IsValid(LineBytes))
        {
            if (ReplacedSurrogates++ == 0)
            {
                FirstReplacedLine = Line;
                FirstReplacedColumn = ColumnAt(reader.TokenStartIndex);
            }

            return JsonEscapes.DecodeReplacingLoneSurrogates(reader.ValueSpan);
        }
    }

    /// <summary>Whether the property name the reader is on is text: false (and counted) for one with a lone surrogate escape.</summary>
    public bool IsTextName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        var count = ReplacedSurrogates;
        Text(ref reader);
        return count == ReplacedSurrogates;
    }

    public string? NullableString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : String(ref reader);

    public void Expect(ref Utf8JsonReader reader, JsonTokenType type, string expected)
    {
        if (reader.TokenType != type)
        {
            throw TypeMismatch(ref reader, expected);
        }
    }

    /// <summary>
    /// Turns the reader's syntax error into a located one. Python's json.dumps writes NaN and Infinity, which
    /// are not JSON: those are reported as non-finite numbers of the field they stand in.
    /// </summary>
    public SchemaDataException Malformed(JsonException exception)
    {
        var bytes = LineBytes;
        var at = (int)Math.Min(exception.BytePositionInLine ?? 0, bytes.Length);
        foreach (var literal in new[] { "-Infinity", "Infinity", "NaN" })
        {
            var token = Encoding.ASCII.GetBytes(literal);
            var index = bytes.Slice(0, Math.Min(bytes.Length, at + token.Length)).LastIndexOf(token);
            if (index >= 0 && index + token.Length >= at - 1 && IsValuePosition(bytes, index))
            {
                return Error(SchemaErrorKind.NonFiniteNumber, ColumnAt(index), PropertyBefore(bytes, index), "a finite number", literal);
            }
        }

        var found = at >= bytes.Length ? "the end of the line before the record was closed"
            : bytes[at] < 0x80 && bytes[at] >= 0x20 ? "'" + (char)bytes[at] + "'"
            : "the byte 0x" + bytes[at].ToString("X2", CultureInfo.InvariantCulture) + (bytes[at] == 0 ? Utf8LineSource.NulHint : "");
        if (at >= bytes.Length)
        {
            // System.Text.Json says "Expected end of string, but instead reached end of data": what matters is where.
            return Error(SchemaErrorKind.MalformedJson, ColumnAt(at), null, "a complete JSON object", found);
        }

        // System.Text.Json's words, less what speaks to a programmer ("Change the reader options").
        var message = exception.Message.Replace(" which is not supported in this mode", "").Replace(" Change the reader options.", "");
        if (message.IndexOf("maximum configured depth", StringComparison.Ordinal) >= 0)
        {
            return Error(SchemaErrorKind.MalformedJson, ColumnAt(at), null,
                "arrays and objects nested at most " + ReaderLimits.MaxDepth.ToString(CultureInfo.InvariantCulture) + " deep (the reader's nesting limit; a record needs 5)", "one nested deeper");
        }

        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return Error(SchemaErrorKind.MalformedJson, ColumnAt(at), null, "valid JSON (" + (cut > 0 ? message.Substring(0, cut).TrimEnd('.', ' ') : message) + ")", found);
    }

    private static bool IsValuePosition(ReadOnlySpan<byte> bytes, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var b = bytes[i];
            if (b == (byte)' ' || b == (byte)'\t')
            {
                continue;
            }

            return b == (byte)':' || b == (byte)',' || b == (byte)'[';
        }

        return false;
    }

    /// <summary>The name of the property whose value starts at index, when it is a property value.</summary>
    private static string? PropertyBefore(ReadOnlySpan<byte> bytes, int index)
    {
        var colon = bytes.Slice(0, index).LastIndexOf((byte)':');
        if (colon < 0)
        {
            return null;
        }

        var close = bytes.Slice(0, colon).LastIndexOf((byte)'"');
        if (close <= 0)
        {
            return null;
        }

        var open = bytes.Slice(0, close).LastIndexOf((byte)'"');
        return open < 0 ? null : Encoding.UTF8.GetString(bytes.Slice(open + 1, close - open - 1).ToArray());
    }

    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.ValueIsEscaped ? JsonEscapes.DecodeReplacingLoneSurrogates(reader.ValueSpan) : reader.GetString() ?? "";
                return "a string \"" + (text.Length > 40 ? text.Substring(0, 40) + "..." : text) + "\"";
            case JsonTokenType.Number:
                return "the number " + Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            case JsonTokenType.True:
            case JsonTokenType.False:
                return "a boolean";
            case JsonTokenType.Null:
                return "null";
            case JsonTokenType.StartArray:
                return "an array";
            case JsonTokenType.StartObject:
                return "an object";
            default:
                return reader.TokenType.ToString();
        }
    }
}
