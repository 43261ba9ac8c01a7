using System.Text;
using System.Text.Json;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests;

/// <summary>The fast reader's numbers against System.Text.Json's: the same grammar, the same bits.</summary>
public sealed class JsonCursorNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.0")]
    [InlineData("-0.0")]
    [InlineData("15.2361")]
    [InlineData("0.1")]
    [InlineData("0.30000000000000004")]
    [InlineData("123456789012345")]
    [InlineData("1234567890123456")]
    [InlineData("9007199254740993")]
    [InlineData("1.000000000000001")]
    [InlineData("99999999999999.9")]
    [InlineData("1e5")]
    [InlineData("1E-5")]
    [InlineData("2.5e+3")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1e400")]
    [InlineData("01")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1.5x")]
    [InlineData("--1")]
    [InlineData("0x10")]
    public void Reads_a_number_as_System_Text_Json_does_or_declines_what_it_rejects(string number) => AssertSameAsJson(number);

    [Fact]
    public void Random_decimals_of_up_to_20_digits_read_to_the_same_bits()
    {
        var random = new Random(5);
        for (var n = 0; n < 50_000; n++)
        {
            var whole = random.Next(4) == 0 ? "0" : random.NextInt64(1, 10) + string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(10)));
            var fraction = random.Next(5) == 0 ? "" : "." + string.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => random.Next(10)));
            AssertSameAsJson((random.Next(3) == 0 ? "-" : "") + whole + fraction);
        }
    }

    [Theory]
    [InlineData("1004", true)]
    [InlineData("-7", true)]
    [InlineData("922337203685477580", true)]
    [InlineData("9223372036854775807", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("1.5", false)]
    [InlineData("1e3", false)]
    [InlineData("12abc", false)]
    public void Reads_an_integer_only_when_it_is_a_whole_number_that_fits(string number, bool fits)
    {
        var json = Encoding.UTF8.GetBytes(number + ",");
        var cursor = new JsonCursor(json);
        Assert.Equal(fits, cursor.TryReadInt64(out var value));
        if (fits)
        {
            Assert.Equal(long.Parse(number, System.Globalization.CultureInfo.InvariantCulture), value);
            Assert.Equal(number.Length, cursor.Position);
        }
    }

    private static void AssertSameAsJson(string number)
    {
        double? expected;
        try
        {
            using var document = JsonDocument.Parse($"[{number}]");
            expected = document.RootElement[0].TryGetDouble(out var parsed) && double.IsFinite(parsed) ? parsed : null;
        }
        catch (JsonException)
        {
            expected = null;
        }

        var json = Encoding.UTF8.GetBytes(number + "]");
        var cursor = new JsonCursor(json);
        var read = cursor.TryReadDouble(out var value);
        Assert.True(expected.HasValue == read, $"{number}: expected {(expected.HasValue ? "a number" : "a refusal")}");
        if (read)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected!.Value), BitConverter.DoubleToInt64Bits(value));
            Assert.Equal(number.Length, cursor.Position);
        }
    }
}
