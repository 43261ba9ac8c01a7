using System.Globalization;
using System.Text;
using Reports.Rendering.Typography;
using Xunit.Abstractions;

namespace Reports.Rendering.Tests;

/// <summary>
/// The bidirectional algorithm against the Unicode conformance files (every line of both must pass) and a few cases
/// readable by themselves. The files come from the Debian package the character tables were generated from.
/// </summary>
public sealed class UnicodeBidiTests(ITestOutputHelper output)
{
    private const string UnicodeDirectory = "/usr/share/unicode";

    private const string Hebrew = "שלום";

    [Fact]
    public void Every_case_of_BidiCharacterTest_passes()
    {
        var path = DataFile("BidiCharacterTest.txt");
        var total = 0;
        var failures = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var fields = line.Split(';');
            var codePoints = Tokens(fields[0]).Select(hex => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            var direction = fields[1] switch { "0" => BidiDirection.LeftToRight, "1" => BidiDirection.RightToLeft, _ => BidiDirection.Auto };
            var paragraphLevel = byte.Parse(fields[2], CultureInfo.InvariantCulture);
            total++;
            var failure = Check(codePoints, direction, paragraphLevel, Tokens(fields[3]), [.. Tokens(fields[4]).Select(int.Parse)]);
            if (failure is not null)
            {
                failures.Add($"line {lineNumber} ({line}): {failure}");
            }
        }

        Report("BidiCharacterTest.txt", total, failures);
    }

    [Fact]
    public void Every_case_of_BidiTest_passes()
    {
        var path = DataFile("BidiTest.txt");
        var total = 0;
        var failures = new List<string>();
        var lineNumber = 0;
        string[] levels = [];
        int[] order = [];
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line.StartsWith("@Levels:", StringComparison.Ordinal))
            {
                levels = Tokens(line["@Levels:".Length..]);
                continue;
            }
            if (line.StartsWith("@Reorder:", StringComparison.Ordinal))
            {
                order = [.. Tokens(line["@Reorder:".Length..]).Select(int.Parse)];
                continue;
            }
            if (line[0] == '@')
            {
                continue;
            }
            var fields = line.Split(';');
            var codePoints = Tokens(fields[0]).Select(name => RepresentativeCharacters[name]).ToArray();
            var directions = int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            foreach (var (bit, direction) in new[] { (1, BidiDirection.Auto), (2, BidiDirection.LeftToRight), (4, BidiDirection.RightToLeft) })
            {
                if ((directions & bit) == 0)
                {
                    continue;
                }
                total++;
                var failure = Check(codePoints, direction, null, levels, order);
                if (failure is not null)
                {
                    failures.Add($"line {lineNumber} ({line}) {direction}: {failure}");
                }
            }
        }

        Report("BidiTest.txt", total, failures);
    }

    [Fact]
    public void Hebrew_inside_latin_text_is_one_right_to_left_run()
    {
        const string Text = "abc " + Hebrew + " def";

        var levels = UnicodeBidi.ResolveLevels(Text);
        var inRightToLeftParagraph = UnicodeBidi.ResolveLevels(Text, BidiDirection.RightToLeft);

        Assert.Equal(0, UnicodeBidi.ParagraphLevel(Text));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0 }, levels);
        // In a right-to-left paragraph the Latin is embedded at level 2 and the spaces between the scripts go with the paragraph.
        Assert.Equal(new byte[] { 2, 2, 2, 1, 1, 1, 1, 1, 1, 2, 2, 2 }, inRightToLeftParagraph);
        // Runs abc | שלום | def in the paragraph's right-to-left order: def is leftmost.
        Assert.Equal([4, 3, 2, 1, 0], UnicodeBidi.VisualOrder([2, 1, 1, 1, 2]));
        Assert.Equal([0, 1, 2], UnicodeBidi.VisualOrder([0, 1, 0]));
    }

    [Fact]
    public void European_digits_after_arabic_letters_are_arabic_numbers()
    {
        // W2 makes the digits after an Arabic letter Arabic numbers: a percent sign is then no part of the number
        // (W5 joins terminators only to European numbers) and stays in the right-to-left text. After Hebrew the
        // digits stay European and take the sign with them.
        var arabic = UnicodeBidi.ResolveLevels("سعر 50%");
        var hebrew = UnicodeBidi.ResolveLevels("מחיר 50%");
        var decimals = UnicodeBidi.ResolveLevels("سعر 1.5");

        Assert.Equal(1, UnicodeBidi.ParagraphLevel("سعر 50%"));
        Assert.Equal(new byte[] { 1, 1, 1, 1, 2, 2, 1 }, arabic);
        Assert.Equal(new byte[] { 1, 1, 1, 1, 1, 2, 2, 2 }, hebrew);
        // A common separator between two Arabic numbers joins them (W4).
        Assert.Equal(new byte[] { 1, 1, 1, 1, 2, 2, 2 }, decimals);
    }

    [Fact]
    public void Brackets_pair_and_take_the_direction_of_their_content_and_context()
    {
        // N0: right-to-left content, right-to-left before: the brackets are right to left too, so that the renderer
        // draws "(גד)" mirrored inside the Hebrew run rather than stranding them in the left-to-right paragraph.
        var hebrewContext = UnicodeBidi.ResolveLevels("אב(גד)", BidiDirection.LeftToRight);
        // Left-to-right before the pair: the brackets follow the paragraph.
        var latinContext = UnicodeBidi.ResolveLevels("ab(גד)", BidiDirection.LeftToRight);
        // U+2329 and U+3009 are a pair through the canonical equivalence of U+2329 and U+3008.
        var canonical = UnicodeBidi.ResolveLevels("אב\u2329גד\u3009", BidiDirection.LeftToRight);

        Assert.Equal(new byte[] { 1, 1, 1, 1, 1, 1 }, hebrewContext);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 1, 0 }, latinContext);
        Assert.Equal(new byte[] { 1, 1, 1, 1, 1, 1 }, canonical);
    }

    [Theory]
    [InlineData("Plain ASCII text, with digits 123 and punctuation (like this).", true)]
    [InlineData("Zoë’s café – naïve", true)]
    [InlineData("日本語のテキストと한국어", true)]
    [InlineData("Emoji 👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", true)]
    [InlineData("", true)]
    [InlineData("abc " + Hebrew, false)]
    [InlineData("مرحبا", false)]
    [InlineData("digits ١٢٣", false)]
    [InlineData("an \u2067isolate\u2069", false)]
    [InlineData("an \u202Aembedding\u202C", false)]
    public void Left_to_right_only_text_is_recognised(string text, bool expected)
    {
        Assert.Equal(expected, UnicodeBidi.IsLeftToRightOnly(text));
        if (expected)
        {
            Assert.All(UnicodeBidi.ResolveLevels(text), level => Assert.Equal(0, level));
        }
    }

    [Fact]
    public void Both_units_of_a_surrogate_pair_get_the_level_of_the_code_point()
    {
        // U+10900 PHOENICIAN LETTER ALF is right to left; U+1D400 MATHEMATICAL BOLD CAPITAL A left to right.
        var levels = UnicodeBidi.ResolveLevels("\U00010900 \U0001D400", BidiDirection.LeftToRight);

        Assert.Equal(new byte[] { 1, 1, 0, 0, 0 }, levels);
    }

    [Fact]
    public void Resolving_a_line_allocates_little_beyond_the_levels()
    {
        var line = string.Concat(Enumerable.Repeat("The word " + Hebrew + " (peace) in 2024, سعر 50% — ok. ", 5))[..200];
        UnicodeBidi.ResolveLevels(line);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var levels = UnicodeBidi.ResolveLevels(line);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(200, levels.Length);
        // The levels array is 224 bytes; the working arrays are reused from the first call.
        Assert.True(allocated <= 512, $"{allocated} bytes allocated");
    }

    /// <summary>A character of each bidi class for BidiTest.txt, which lists classes rather than characters; no brackets among them.</summary>
    private static readonly Dictionary<string, int> RepresentativeCharacters = new()
    {
        ["L"] = 'a',
        ["R"] = 0x05D0,
        ["AL"] = 0x0627,
        ["EN"] = '1',
        ["ES"] = '+',
        ["ET"] = '$',
        ["AN"] = 0x0660,
        ["CS"] = ',',
        ["NSM"] = 0x0300,
        ["BN"] = 0x00AD,
        ["B"] = 0x2029,
        ["S"] = '\t',
        ["WS"] = ' ',
        ["ON"] = '!',
        ["LRE"] = 0x202A,
        ["RLE"] = 0x202B,
        ["PDF"] = 0x202C,
        ["LRO"] = 0x202D,
        ["RLO"] = 0x202E,
        ["LRI"] = 0x2066,
        ["RLI"] = 0x2067,
        ["FSI"] = 0x2068,
        ["PDI"] = 0x2069,
    };

    /// <summary>
    /// Null when the code points resolve to the expected levels ("x", a character X9 removes, matches any) and,
    /// ordering the characters that have a level with <see cref="UnicodeBidi.VisualOrder"/>, to the expected order;
    /// otherwise what differs.
    /// </summary>
    private static string? Check(int[] codePoints, BidiDirection direction, byte? paragraphLevel, string[] expectedLevels, int[] expectedOrder)
    {
        var text = new StringBuilder();
        var firstUnits = new int[codePoints.Length];
        for (var i = 0; i < codePoints.Length; i++)
        {
            firstUnits[i] = text.Length;
            text.Append(char.ConvertFromUtf32(codePoints[i]));
        }
        var levels = UnicodeBidi.ResolveLevels(text.ToString(), direction);
        var actualLevels = firstUnits.Select(unit => levels[unit]).ToArray();
        var actualParagraphLevel = UnicodeBidi.ParagraphLevel(text.ToString(), direction);
        if (paragraphLevel is { } expectedParagraphLevel && actualParagraphLevel != expectedParagraphLevel)
        {
            return $"paragraph level {actualParagraphLevel}, expected {expectedParagraphLevel}";
        }
        if (expectedLevels.Length != codePoints.Length
            || expectedLevels.Where((level, i) => level != "x" && level != actualLevels[i].ToString(CultureInfo.InvariantCulture)).Any())
        {
            return $"levels {string.Join(' ', actualLevels)}, expected {string.Join(' ', expectedLevels)}";
        }
        var kept = Enumerable.Range(0, codePoints.Length).Where(i => expectedLevels[i] != "x").ToArray();
        var order = UnicodeBidi.VisualOrder(kept.Select(i => actualLevels[i]).ToArray()).Select(i => kept[i]).ToArray();
        return order.SequenceEqual(expectedOrder) ? null : $"order {string.Join(' ', order)}, expected {string.Join(' ', expectedOrder)}";
    }

    private void Report(string file, int total, List<string> failures)
    {
        output.WriteLine($"{file} (Unicode {UnicodeBidi.UnicodeVersion}): {total - failures.Count} of {total} cases pass.");
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine(failure);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} cases of {file} fail, first: {string.Join("\n", failures.Take(5))}");
    }

    private static string DataFile(string name)
    {
        var path = Path.Combine(UnicodeDirectory, name);
        Assert.True(File.Exists(path), $"{path} is missing: install Debian's unicode-data package (apt-get install unicode-data).");
        return path;
    }

    private static string[] Tokens(string field) => field.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
