using System.Globalization;
using System.Text;

namespace Reports.DataGen;

/// <summary>
/// Writes JSON as a Python writer of a <see cref="WriterStyle"/> does, byte for byte: its separators, which characters
/// it escapes and how, and how it spells floats. One value at a time into a stream; the caller ends each line.
/// </summary>
internal sealed class PythonJsonWriter(Stream output, WriterStyle style)
{
    private readonly Stack<bool> first = new(); // per open container: nothing written in it yet
    private readonly byte[] encoded = new byte[4];
    private bool afterName;

    public void StartObject() => Open((byte)'{');

    public void EndObject() => Close((byte)'}');

    public void StartArray() => Open((byte)'[');

    public void EndArray() => Close((byte)']');

    public void Name(string name)
    {
        Separate();
        WriteString(name);
        output.WriteByte((byte)':');
        if (Spaced)
        {
            output.WriteByte((byte)' ');
        }

        afterName = true;
    }

    public void String(string value)
    {
        Separate();
        WriteString(value);
    }

    public void Integer(long value)
    {
        Separate();
        WriteAscii(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Float(double value)
    {
        Separate();
        WriteAscii(style == WriterStyle.PandasRecords ? PythonFloat.Pandas(value) : PythonFloat.Repr(value));
    }

    private bool Spaced => style is WriterStyle.JsonDumps or WriterStyle.JsonDumpsUnicode;

    private bool AsciiOnly => style is WriterStyle.JsonDumps or WriterStyle.PandasRecords;

    private void Open(byte bracket)
    {
        Separate();
        output.WriteByte(bracket);
        first.Push(true);
    }

    private void Close(byte bracket)
    {
        first.Pop();
        output.WriteByte(bracket);
    }

    private void Separate()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }

        if (first.Count == 0)
        {
            return;
        }

        if (first.Peek())
        {
            first.Pop();
            first.Push(false);
            return;
        }

        output.WriteByte((byte)',');
        if (Spaced)
        {
            output.WriteByte((byte)' ');
        }
    }

    private void WriteString(string value)
    {
        output.WriteByte((byte)'"');
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            switch (c)
            {
                case '"': WriteAscii("\\\""); continue;
                case '\\': WriteAscii("\\\\"); continue;
                case '\b': WriteAscii("\\b"); continue;
                case '\f': WriteAscii("\\f"); continue;
                case '\n': WriteAscii("\\n"); continue;
                case '\r': WriteAscii("\\r"); continue;
                case '\t': WriteAscii("\\t"); continue;
                case '/' when style == WriterStyle.PandasRecords: WriteAscii("\\/"); continue;
            }

            // json.dumps(ensure_ascii=True) escapes everything outside ' '..'~' (DEL too); pandas leaves DEL as it is.
            var escape = c < 0x20 || (AsciiOnly && (c > 0x7F || (c == 0x7F && style == WriterStyle.JsonDumps)));
            if (!escape)
            {
                var length = rune.EncodeToUtf8(encoded);
                output.Write(encoded, 0, length);
            }
            else if (c < 0x10000)
            {
                WriteAscii(string.Create(CultureInfo.InvariantCulture, $"\\u{c:x4}"));
            }
            else
            {
                var pair = rune.ToString();
                WriteAscii(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)pair[0]:x4}\\u{(int)pair[1]:x4}"));
            }
        }

        output.WriteByte((byte)'"');
    }

    private void WriteAscii(string text)
    {
        foreach (var c in text)
        {
            output.WriteByte((byte)c);
        }
    }
}
