using System.Text;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// The bytes a mutation puts in: the ones readers get wrong (NUL, 0xFF, overlong and surrogate UTF-8, lone surrogate
/// escapes, quotes, backslashes, brackets, line ends, a byte order mark, numbers at the edges of long and double), and
/// for each format the places they mean most (inside a string, in place of a number, as a field after an opener).
/// </summary>
internal sealed class MutationTokens
{
    /// <summary>Anywhere in the file.</summary>
    public required IReadOnlyList<byte[]> Anywhere { get; init; }

    /// <summary>Just after a quote: mostly inside a string.</summary>
    public required IReadOnlyList<byte[]> InString { get; init; }

    /// <summary>In place of a number.</summary>
    public required IReadOnlyList<byte[]> Numbers { get; init; }

    /// <summary>The byte after which <see cref="AfterOpener"/> inserts: '{' (a field starts) or ',' (a cell starts).</summary>
    public required byte Opener { get; init; }

    /// <summary>What to insert after an opener, by the mutation's argument (0 to 255).</summary>
    public required Func<int, byte[]> AfterOpener { get; init; }

    private static readonly byte[][] SharedAnywhere =
    [
        [0x00], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x96],
        [0xE2, 0x80, 0xA8], [0x01], [0x7F], .. Utf8("\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\t", "\r", "\n", "\r\n",
            "\\uD800", "\\uDC00", "\\u0000", "null", "true", "1e999", "-", "0", "\"\"", "{}", "[]", "NaN", "\n\n", " \r\n"),
    ];

    private static readonly byte[][] SharedInString =
    [
        .. Utf8("\\uD800", "\\udfff", "\\uD83D\\uDE00", "\\uD800\\u0041", "\\uDC00\\uD800", "\\\\", "\\\"", "\\/", "\\u0000", "\\n",
            "\\x41", "\\u12", "\\uZZZZ", "\\", "\"", "é", "▁", "𝄞", "\\u00e9", "\\u2581", "\u2028", "a\"b", ",", "\n", "\r"),
        [0x01], [0x09], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x96], [0x00],
    ];

    private static readonly byte[][] SharedNumbers =
    [
        .. Utf8("0", "-0", "1e999", "-1e999", "1E400", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "123456789012345678901234567890", "0.1e-400", "4.9e-324", "2.2250738585072014e-308",
            "1.7976931348623157e308", "1.7976931348623159e308", "00", "01", "1.", ".5", "+1", "1e", "1e+", "-", "NaN", "nan",
            "Infinity", "-Infinity", "inf", "1.0", "1e2", "100000000000000000000000e-5", "1" + new string('0', 400),
            "0." + new string('0', 400) + "1", "\"1\"", "null", "true", "0x10", "1_000", "1,5", "٣", "1 2"),
    ];

    private static readonly byte[][] JsonFields =
    [
        .. Utf8("\"feature_id\":1,", "\"token\":\"t\",", "\"source\":\"s\",", "\"active_prompts\":[],", "\"prompt_id\":2,",
            "\"prompt_text\":\"x\",", "\"prompt_label\":\"l\",", "\"prompt_feature_activation\":0.5,", "\"tokenized_prompt\":[],",
            "\"tokens\":[],", "\"token\":null,", "\"activation\":1,", "\"extra\":null,", "\"extra\":[1,{\"a\":[]}],",
            "\"feature_id\":\"1\",", "\"prompt_label\":\"\\u0061\",", "\"\\u0074oken\":\"t\",", "\"prompt_feature_activation\":1e400,",
            "\"tokens\":[{\"token\":\"a\",\"activation\":1,\"token\":\"b\"}],", "\"tokenized_prompt\":[\"a\",1],", "\"active_prompts\":null,"),
    ];

    private static readonly byte[][] CsvCells =
    [
        .. Utf8("", ",", "\"a\"\"b\",", "NaN,", "nan,", "\"x\ny\",", "1e999,", "-,", "\"\",", "\"unterminated,", "a\"b,",
            "\"q\"x,", " 1,", "1 ,", "\r", "\n", "\r\n", "\"\r\n\",", "-0,", "inf,", "None,", "null,", "True,"),
    ];

    public static MutationTokens Json { get; } = new()
    {
        Anywhere = SharedAnywhere,
        InString = SharedInString,
        Numbers = SharedNumbers,
        Opener = (byte)'{',
        AfterOpener = JsonField,
    };

    public static MutationTokens Csv { get; } = new()
    {
        Anywhere = SharedAnywhere,
        InString = SharedInString,
        Numbers = SharedNumbers,
        Opener = (byte)',',
        AfterOpener = argument => CsvCells[argument % CsvCells.Length],
    };

    /// <summary>A field of the schema, or an unknown one nested 48 to 79 deep around the readers' limit of 64.</summary>
    private static byte[] JsonField(int argument)
    {
        var fields = JsonFields.Length;
        if (argument < fields)
        {
            return JsonFields[argument];
        }

        if (argument < fields + 64)
        {
            var depth = 48 + ((argument - fields) % 32);
            return (argument - fields) < 32
                ? Encoding.UTF8.GetBytes("\"deep\":" + new string('[', depth) + new string(']', depth) + ",")
                : Encoding.UTF8.GetBytes("\"deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + ",");
        }

        return JsonFields[argument % fields];
    }

    private static IEnumerable<byte[]> Utf8(params string[] texts) => texts.Select(Encoding.UTF8.GetBytes);
}
