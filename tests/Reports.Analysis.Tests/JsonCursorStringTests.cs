using System.Text;
using System.Text.Json;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests;

/// <summary>The fast reader's strings against System.Text.Json's: the same decoded text, the same grammar.</summary>
public sealed class JsonCursorStringTests
{
    private static readonly string[] Pieces =
    [
        "a", "▁the", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\u0001", "\u007f", "é", "中文", "שלום", "مرحبا", "😀", "🎉", "<0x0A>", ",", "]", "[", " ", "\"]", "\",\"",
    ];

    [Theory]
    [InlineData("\"plain\"")]
    [InlineData("\"\"")]
    [InlineData("\"\\u2581What\"")]
    [InlineData("\"\\u2581\\u2581\"")]
    [InlineData("\"\\ud83d\\ude00 and \\uD83C\\uDF89\"")]
    [InlineData("\"a\\/b\\\\c\\\"d\\n\\t\\r\\b\\f\"")]
    [InlineData("\"\\u0000\\u001f\\u007F\\u00e9\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udfaa\"")]
    [InlineData("\"\\ud83d\\u0041\"")]
    [InlineData("\"\\ud83dx\"")]
    [InlineData("\"\\x41\"")]
    [InlineData("\"\\u12g4\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"open")]
    [InlineData("\"ends in a backslash\\")]
    public void Decodes_a_string_as_System_Text_Json_does_or_declines_what_it_cannot_give(string json) => AssertSameAsJson(json);

    [Fact]
    public void Random_strings_in_every_escaping_decode_to_the_same_bytes()
    {
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            AssertSameAsJson(Escape(text, random.Next(3)));
        }
    }

    [Fact]
    public void Random_token_lists_are_skipped_exactly_where_System_Text_Json_says_they_end_or_declined_when_it_rejects_them()
    {
        // Lengths across 64-byte blocks, escapes split over a block's end, spaces after commas or not, and broken
        // variants (a quote, comma, bracket, backslash, bad escape or lone surrogate added, or a byte dropped, somewhere).
        var random = new Random(11);
        var checkedValid = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var separator = random.Next(3) switch { 0 => ",", 1 => ", ", _ => " , " };
            var items = Enumerable.Range(0, random.Next(0, 30)).Select(_ => Escape(string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pieces[random.Next(Pieces.Length)])), random.Next(3)));
            var array = "[" + string.Join(separator, items) + "]";
            if (random.Next(3) == 0)
            {
                var at = random.Next(array.Length);
                var mutation = random.Next(10) switch { 0 => "\"", 1 => ",", 2 => "]", 3 => "\\", 4 => "\\x", 5 => "\\u0", 6 => "\\u00g", 7 => "\\ud800", 8 => "\\uDC00", _ => "" };
                array = random.Next(2) == 0 ? array.Insert(at, mutation) : array.Remove(at, 1);
            }

            var line = "{\"tokenized_prompt\":" + array + ",\"next\":" + new string('1', random.Next(1, 90)) + "}";
            var bytes = Encoding.UTF8.GetBytes(line);
            if (!Utf8Check.IsValidWithoutControls(bytes))
            {
                continue; // the scanner never sees such lines
            }

            var start = "{\"tokenized_prompt\":".Length;
            var cursor = new JsonCursor(bytes);
            cursor.TryConsume((byte)'{');
            Assert.True(cursor.TryConsumeName("tokenized_prompt"u8));
            var skipped = cursor.TrySkipStringArray();
            var expectedEnd = StringArrayEnd(bytes, start);
            Assert.True(skipped == (expectedEnd >= 0), $"{line}: skipped {skipped}, System.Text.Json {(expectedEnd >= 0 ? "reads it" : "rejects it")}");
            if (skipped)
            {
                Assert.Equal(expectedEnd, cursor.Position);
                checkedValid++;
            }
        }

        Assert.True(checkedValid > 10_000, $"{checkedValid} valid lists");
    }

    [Fact]
    public void Random_strings_are_skipped_exactly_where_System_Text_Json_says_they_end_or_declined_when_it_rejects_them()
    {
        // Long runs of escapes (every character \uXXXX), escapes split over a block's end, and broken variants: a
        // bad escape letter, a \u with too few hex digits, a lone surrogate, a quote or backslash added, a byte dropped.
        var random = new Random(13);
        var checkedValid = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = Escape(string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Pieces[random.Next(Pieces.Length)])), random.Next(3));
            if (random.Next(3) == 0)
            {
                var at = random.Next(1, text.Length);
                var mutation = random.Next(8) switch { 0 => "\"", 1 => "\\", 2 => "\\x", 3 => "\\u1", 4 => "\\u12g", 5 => "\\uD83D", 6 => "\\udfaa", _ => "" };
                text = random.Next(2) == 0 ? text.Insert(at, mutation) : text.Remove(at, 1);
            }

            var line = "{\"prompt_text\":" + text + ",\"next\":" + new string('1', random.Next(1, 90)) + "}";
            var bytes = Encoding.UTF8.GetBytes(line);
            if (!Utf8Check.IsValidWithoutControls(bytes))
            {
                continue;
            }

            var start = "{\"prompt_text\":".Length;
            var cursor = new JsonCursor(bytes);
            cursor.TryConsume((byte)'{');
            Assert.True(cursor.TryConsumeName("prompt_text"u8));
            var skipped = cursor.TrySkipString();
            var expectedEnd = StringEnd(bytes, start);
            Assert.True(skipped == (expectedEnd >= 0), $"{line}: skipped {skipped}, System.Text.Json {(expectedEnd >= 0 ? "reads it" : "rejects it")}");
            if (skipped)
            {
                Assert.Equal(expectedEnd, cursor.Position);
                checkedValid++;
            }
        }

        Assert.True(checkedValid > 10_000, $"{checkedValid} valid strings");
    }

    /// <summary>Where System.Text.Json ends a string that starts at <paramref name="start"/>, or -1.</summary>
    private static int StringEnd(byte[] line, int start)
    {
        var reader = new Utf8JsonReader(line.AsSpan(start), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            // A lone surrogate escape is no text (GetString throws): the fast reader declines it too.
            return reader.Read() && reader.TokenType == JsonTokenType.String && reader.GetString() is not null ? start + (int)reader.BytesConsumed : -1;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>Where System.Text.Json ends an array of strings that starts at <paramref name="start"/>, or -1.</summary>
    private static int StringArrayEnd(byte[] line, int start)
    {
        var reader = new Utf8JsonReader(line.AsSpan(start), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return -1;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                reader.GetString(); // a lone surrogate escape is no text: the fast reader declines it too
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return -1;
            }

            return start + (int)reader.BytesConsumed;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return -1;
        }
    }

    private static void AssertSameAsJson(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        string? expected;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            expected = reader.GetString();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            expected = null;
        }

        var scratch = new byte[bytes.Length];
        var cursor = new JsonCursor(bytes, scratch);
        var read = cursor.TryReadString(out var text);
        Assert.True(read == (expected is not null), $"{json}: read {read}, System.Text.Json {(expected is null ? "rejects it" : "reads it")}");
        if (read)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(expected!), text.In(bytes, scratch).ToArray());
        }
    }

    /// <summary>JSON for a text: 0 as json.dumps(ensure_ascii=True) writes it, 1 as UTF-8 with the needed escapes, 2 escaping every character as \uXXXX (upper-case hex).</summary>
    private static string Escape(string text, int how)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            var named = c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\t' => "\\t", '\r' => "\\r", '\b' => "\\b", '\f' => "\\f", _ => null };
            if (how == 2)
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else if (named is not null)
            {
                builder.Append(named);
            }
            else if (c < 0x20 || (how == 0 && c > 0x7E))
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
