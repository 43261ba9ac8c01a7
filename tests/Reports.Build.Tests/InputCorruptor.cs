using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Build.Tests;

/// <summary>
/// Damages a good descriptions CSV or prompts JSONL in one known place, the way real files go wrong, and says
/// which code, file and line the tool must report. Lines are found from the file's text, not from the tool.
/// </summary>
internal static partial class InputCorruptor
{
    /// <summary>JSONL line 3 gets a stray <c>x</c> after its opening brace: not JSON any more (RPT010).</summary>
    public static Corruption MalformedJson(string promptsPath)
    {
        const int line = 3;
        ReplaceLine(promptsPath, line, text =>
        {
            Assert.StartsWith("{", text, StringComparison.Ordinal);
            return "{x" + text[1..];
        });
        return new Corruption("RPT010", promptsPath, line);
    }

    /// <summary>The third record's feature_id gets text after its closing quote, <c>"12"x</c> (RPT011).</summary>
    public static Corruption BadCsvQuote(string descriptionsPath)
    {
        var line = CsvRecordStartLines(File.ReadAllText(descriptionsPath))[3];
        ReplaceLine(descriptionsPath, line, text =>
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            Assert.True(comma > 0 && !text[..comma].Contains('"', StringComparison.Ordinal), $"line {line} does not start with a plain field: {text}");
            return $"\"{text[..comma]}\"x{text[comma..]}";
        });
        return new Corruption("RPT011", descriptionsPath, line);
    }

    /// <summary>The header's num_prompts column is renamed, so the column the schema needs is missing (RPT012).</summary>
    public static Corruption MissingCsvColumn(string descriptionsPath)
    {
        ReplaceLine(descriptionsPath, 1, header =>
        {
            var columns = header.Split(',');
            var index = Array.IndexOf(columns, "num_prompts");
            Assert.True(index >= 0, $"the descriptions header has no num_prompts column: {header}");
            columns[index] = "prompt_total";
            return string.Join(',', columns);
        });
        return new Corruption("RPT012", descriptionsPath, 1);
    }

    /// <summary>JSONL line 4's first activation becomes the string "high" (RPT015).</summary>
    public static Corruption TextForNumber(string promptsPath) => ReplaceActivation(promptsPath, 4, "\"high\"", "RPT015");

    /// <summary>JSONL line 5's first activation becomes <c>NaN</c>, as Python's json.dumps writes it (RPT016).</summary>
    public static Corruption NaNActivation(string promptsPath) => ReplaceActivation(promptsPath, 5, "NaN", "RPT016");

    /// <summary>JSONL line 2's first activation becomes <c>-Infinity</c> (RPT016).</summary>
    public static Corruption InfiniteActivation(string promptsPath) => ReplaceActivation(promptsPath, 2, "-Infinity", "RPT016");

    /// <summary>The prompts file is truncated to nothing (RPT002).</summary>
    public static Corruption EmptyFile(string promptsPath)
    {
        File.WriteAllBytes(promptsPath, []);
        return new Corruption("RPT002", promptsPath, 0);
    }

    /// <summary>The descriptions are re-saved as UTF-16 with a byte order mark, as some Windows tools do (RPT003).</summary>
    public static Corruption Utf16(string descriptionsPath)
    {
        File.WriteAllText(descriptionsPath, File.ReadAllText(descriptionsPath), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        return new Corruption("RPT003", descriptionsPath, 0);
    }

    /// <summary>Re-saves a file with a UTF-8 byte order mark and CRLF line ends: both must be accepted.</summary>
    public static void Utf8BomAndCrlf(string path)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\r\n");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>The 1-based line on which each CSV record starts (RFC 4180: quoted fields may span lines).</summary>
    public static IReadOnlyList<int> CsvRecordStartLines(string text)
    {
        var starts = new List<int>();
        var line = 1;
        var quoted = false;
        var atRecordStart = true;
        foreach (var c in text)
        {
            if (atRecordStart)
            {
                starts.Add(line);
                atRecordStart = false;
            }

            if (c == '"')
            {
                quoted = !quoted; // a doubled quote toggles twice
            }
            else if (c == '\n')
            {
                line++;
                atRecordStart = !quoted;
            }
        }

        return starts;
    }

    /// <summary>Replaces the first activation on <paramref name="fromLine"/> or, if that feature has no prompts, on the next line that has one.</summary>
    private static Corruption ReplaceActivation(string promptsPath, int fromLine, string replacement, string code)
    {
        var lines = File.ReadAllText(promptsPath).Split('\n');
        var line = fromLine;
        while (line <= lines.Length && !Activation().IsMatch(lines[line - 1]))
        {
            line++;
        }

        Assert.True(line <= lines.Length, $"{promptsPath} has no prompt_feature_activation from line {fromLine} on");
        ReplaceLine(promptsPath, line, text =>
        {
            var value = Activation().Match(text).Groups["value"];
            return string.Concat(text.AsSpan(0, value.Index), replacement, text.AsSpan(value.Index + value.Length));
        });
        return new Corruption(code, promptsPath, line);
    }

    /// <summary>Replaces one physical line, keeping every other byte of the file as it was.</summary>
    private static void ReplaceLine(string path, int line, Func<string, string> replace)
    {
        var lines = File.ReadAllText(path).Split('\n');
        Assert.True(line <= lines.Length, $"{path} has fewer than {line} lines");
        lines[line - 1] = replace(lines[line - 1]);
        File.WriteAllText(path, string.Join('\n', lines));
    }

    [GeneratedRegex("\"prompt_feature_activation\"\\s*:\\s*(?<value>-?[0-9][0-9.eE+-]*)")]
    private static partial Regex Activation();
}
