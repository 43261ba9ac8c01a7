using System.Text;
using System.Text.Json;
using CsCheck;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// <see cref="JsonCursor"/> alone against System.Text.Json, on what the scanner hands it (valid UTF-8 without control
/// bytes): a number, a string or any value it takes, System.Text.Json reads to the same bits, text and end.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class JsonCursorFuzzTests
{
    private static readonly Gen<string> Digits = Gen.OneOf(Gen.Char['0', '9'].Array[0, 24], Gen.Char['0', '9'].Array[0, 800]).Select(d => new string(d));

    /// <summary>Numbers and near-numbers: signs, leading zeros, long mantissas (past Clinger's fast path), big exponents.</summary>
    private static readonly Gen<string> Numbers = Gen.Select(
        Gen.OneOf(Gen.Const(""), Gen.Const("-"), Gen.Const("+")), Digits, Gen.OneOf(Gen.Const(""), Digits.Select(d => "." + d)),
        Gen.OneOf(Gen.Const(""), Gen.Select(Gen.OneOf(Gen.Const("e"), Gen.Const("E")), Gen.OneOf(Gen.Const(""), Gen.Const("-"), Gen.Const("+")), Digits.Select(d => d.Length > 6 ? d[..6] : d), (e, s, d) => e + s + d)),
        (sign, whole, fraction, exponent) => sign + whole + fraction + exponent);

    /// <summary>Pieces of strings: plain text, every escape (surrogates alone and in pairs), multi-byte characters.</summary>
    private static readonly Gen<string> StringPieces = Gen.OneOf(
        Gen.Char[' ', '~'].Where(c => c is not ('"' or '\\')).Select(c => c.ToString()),
        Gen.OneOf(Gen.Const("\\n"), Gen.Const("\\t"), Gen.Const("\\\""), Gen.Const("\\\\"), Gen.Const("\\/"), Gen.Const("\\b"), Gen.Const("\\f"), Gen.Const("\\r"), Gen.Const("\\x"), Gen.Const("\\")),
        Gen.Int[0, 0xFFFF].Select(u => $"\\u{u:x4}"),
        Gen.Int[0xD800, 0xDFFF].Select(u => $"\\u{u:X4}"),
        Gen.OneOf(Gen.Const("é"), Gen.Const("▁"), Gen.Const("中"), Gen.Const("😀"), Gen.Const("\u2028")));

    private static readonly Gen<string> Strings = StringPieces.Array[0, 40].Select(p => "\"" + string.Concat(p) + "\"");

    /// <summary>Values and near-values out of JSON's pieces, nested up to the cursor's limit and past it.</summary>
    private static readonly Gen<string> Values = Gen.OneOf(
        Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const("["), Gen.Const("]"), Gen.Const(","), Gen.Const(":"), Gen.Const(" "), Gen.Const("\"a\""),
            Gen.Const("true"), Gen.Const("fals"), Gen.Const("null"), Gen.Const("1"), Gen.Const("-0.5e3"), Gen.Const("\"\\ud800\""), Gen.Const("\t")).Array[1, 60].Select(string.Concat),
        Gen.Int[60, 70].Select(depth => new string('[', depth) + new string(']', depth)),
        Gen.Int[60, 70].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "0" + new string('}', depth)));

    [Fact]
    public void A_number_it_takes_reads_to_the_bits_System_Text_Json_reads() =>
        FuzzRun.Check(Numbers, number =>
        {
            var json = Encoding.UTF8.GetBytes(number + "]");
            var cursor = new JsonCursor(json);
            var taken = cursor.TryReadDouble(out var value);
            var (token, end) = FirstItemWithSystemTextJson(number);
            double? expected = token is { ValueKind: JsonValueKind.Number } && token.Value.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
            if (taken != expected.HasValue || (taken && (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(expected!.Value) || cursor.Position != end)))
            {
                throw new PropertyViolation($"JsonCursor.TryReadDouble: {(taken ? $"{value:R} ending at {cursor.Position}" : "declined")}; System.Text.Json: {(expected.HasValue ? $"{expected.Value:R} ending at {end}" : "no finite number")}");
            }
        }, number => number, shortRunCases: 20_000);

    [Fact]
    public void A_string_it_takes_decodes_to_the_text_System_Text_Json_decodes() =>
        FuzzRun.Check(Strings, text =>
        {
            var json = Encoding.UTF8.GetBytes(text + ",");
            var scratch = new byte[json.Length];
            var cursor = new JsonCursor(json, scratch);
            if (!cursor.TryReadString(out var read))
            {
                return;
            }

            var (token, end) = FirstItemWithSystemTextJson(text);
            var expected = token is { ValueKind: JsonValueKind.String } ? token.Value.GetString() : null;
            var decoded = Encoding.UTF8.GetString(read.In(json, scratch));
            if (expected != decoded || cursor.Position != end)
            {
                throw new PropertyViolation($"JsonCursor.TryReadString took it as \"{decoded}\" ending at {cursor.Position}; System.Text.Json: {(expected is null ? "not a string" : $"\"{expected}\" ending at {end}")}");
            }
        }, text => text, shortRunCases: 20_000);

    [Fact]
    public void A_value_it_skips_is_one_JSON_value_to_System_Text_Json() =>
        FuzzRun.Check(Values, value =>
        {
            var json = Encoding.UTF8.GetBytes(value);
            if (!Utf8Check.IsValidWithoutControls(json))
            {
                return; // the scanner never hands such a line to the cursor
            }

            var cursor = new JsonCursor(json);
            if (!cursor.TrySkipValue(depth: 0))
            {
                return;
            }

            cursor.SkipWhitespace();
            var valid = IsOneValueToSystemTextJson(value);
            if (cursor.AtEnd && !valid)
            {
                throw new PropertyViolation("JsonCursor.TrySkipValue skipped the whole text, which System.Text.Json rejects.");
            }
        }, value => value, shortRunCases: 20_000);

    /// <summary>
    /// The first item of <c>[text]</c> as System.Text.Json reads it (null where it rejects what comes before the item's
    /// end) and the offset in <paramref name="text"/> where the item ends.
    /// </summary>
    private static (JsonElement? Item, int End) FirstItemWithSystemTextJson(string text)
    {
        var json = Encoding.UTF8.GetBytes("[" + text + "]");
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            reader.Read();
            var end = (int)reader.BytesConsumed - 1;
            return (JsonElement.ParseValue(ref reader), end);
        }
        catch (JsonException)
        {
            return (null, -1);
        }
    }

    private static bool IsOneValueToSystemTextJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 1000 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
