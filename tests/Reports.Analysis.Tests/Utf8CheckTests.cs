using System.Text;
using System.Text.Unicode;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests;

/// <summary>The vectorised UTF-8 check against the runtime's validator, on valid text and on every kind of bad byte.</summary>
public sealed class Utf8CheckTests
{
    // Code points at the edges of each encoded length, and ones the data has ("▁", Greek, emoji).
    private static readonly int[] CodePoints = [0x20, 0x41, 0x7E, 0x7F, 0x80, 0x3B1, 0x7FF, 0x800, 0x2581, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF];

    // Byte runs that are malformed wherever they stand: overlong forms, surrogates, above U+10FFFF, stray or missing continuations.
    private static readonly byte[][] BadRuns =
    [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE],
        [0x80], [0xBF], [0xC3], [0xE2, 0x96], [0xF0, 0x9F, 0x98], [0xE2, 0x41], [0xC3, 0xA9, 0xA9], [0x00], [0x0A], [0x1F],
    ];

    [Fact]
    public void Agrees_with_the_runtime_on_random_valid_and_corrupted_text()
    {
        var random = new Random(11);
        var cases = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = RandomText(random, random.Next(0, 300));
            if (n % 2 == 1)
            {
                var bad = BadRuns[random.Next(BadRuns.Length)];
                var at = random.Next(text.Count + 1);
                text.InsertRange(at, bad);
            }

            var bytes = text.ToArray();
            Assert.True(Expected(bytes) == Utf8Check.IsValidWithoutControls(bytes), $"case {n}: {Convert.ToHexString(bytes)}");
            cases++;
        }

        Assert.Equal(20_000, cases);
    }

    [Fact]
    public void Finds_a_bad_run_at_every_position_of_a_line_including_its_first_and_last_bytes()
    {
        var line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("▁tok\"en,", 20)));
        Assert.True(Utf8Check.IsValidWithoutControls(line));
        foreach (var bad in BadRuns)
        {
            for (var at = 0; at <= line.Length; at++)
            {
                byte[] corrupted = [.. line[..at], .. bad, .. line[at..]];
                Assert.False(Utf8Check.IsValidWithoutControls(corrupted), $"{Convert.ToHexString(bad)} at {at}");
            }
        }
    }

    [Fact]
    public void A_sequence_cut_off_by_the_end_of_the_line_is_invalid()
    {
        var valid = Encoding.UTF8.GetBytes(new string('a', 70) + "😀");
        Assert.True(Utf8Check.IsValidWithoutControls(valid));
        for (var cut = 1; cut < 4; cut++)
        {
            Assert.False(Utf8Check.IsValidWithoutControls(valid[..^cut]));
        }
    }

    private static bool Expected(byte[] bytes) => Utf8.IsValid(bytes) && bytes.AsSpan().IndexOfAnyInRange((byte)0, (byte)0x1F) < 0;

    private static List<byte> RandomText(Random random, int codePoints)
    {
        var text = new List<byte>();
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < codePoints; i++)
        {
            // Mostly ASCII, as prompt texts are, with runs of everything else.
            var codePoint = random.Next(3) == 0 ? CodePoints[random.Next(CodePoints.Length)] : random.Next(0x20, 0x7F);
            new Rune(codePoint).EncodeToUtf8(buffer);
            text.AddRange(buffer[..new Rune(codePoint).Utf8SequenceLength]);
        }

        return text;
    }
}
