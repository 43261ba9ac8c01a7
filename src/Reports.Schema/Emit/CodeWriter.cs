using System.Text;

namespace Reports.Schema.Emit;

/// <summary>Writes indented C# lines; <c>{</c> and <c>}</c> lines indent and dedent.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public CodeWriter Line(string line = "")
    {
        if (line.StartsWith("}"))
        {
            indent--;
        }

        text.Append(line.Length == 0 ? "" : new string(' ', indent * 4)).Append(line).Append('\n');
        if (line.EndsWith("{"))
        {
            indent++;
        }

        return this;
    }

    public override string ToString() => text.ToString();

    /// <summary>A C# string literal.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A C# UTF-8 string literal (<c>"..."u8</c>).</summary>
    public static string Utf8(string value) => Quote(value) + "u8";
}
