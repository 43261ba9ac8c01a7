using System.Text;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;
using Reports.DataGen;
using Reports.Schema;
using Reports.Tests;

namespace Reports.Analysis.Tests;

/// <summary>
/// A line is held whole while it is read, so the line limit is what bounds a reader's memory: a line past it is a
/// located error (RPT020) on every path, said when the limit is passed rather than at the line's end, if it has one.
/// </summary>
public sealed class LineLimitTests
{
    private const int Limit = 4096;

    [Fact]
    public void A_prompts_line_past_the_limit_is_an_error_at_that_line_on_both_paths_and_one_at_the_limit_reads()
    {
        var files = LongLines.WriteDataSet(out var lines);
        var longest = lines.Max(l => Encoding.UTF8.GetByteCount(l));
        Assert.True(longest < Limit, $"generated lines are {longest} bytes");
        lines[2] = LongLines.Padded(lines[2], Limit + 1);
        lines[5] = LongLines.Padded(lines[5], Limit);
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        var serial = Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath, new AnalysisOptions { MaxLineLength = Limit }));
        var parallel = Assert.Throws<SchemaDataException>(() => ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 512, MaxLineLength = Limit }));

        Assert.Equal((SchemaErrorKind.LineTooLong, 3L, LongLines.ColumnOfByte(lines[2], Limit)), (serial.Kind, serial.Line, serial.Column));
        Assert.Equal((serial.Kind, serial.Line, serial.Column, serial.Message), (parallel.Kind, parallel.Line, parallel.Column, parallel.Message));
        Assert.Equal("expected lines of at most 4 KiB (the reader's line limit), found a line that goes on past 4 KiB without a line end", serial.Message);

        lines[2] = lines[3];
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        AggregateAssert.Same(
            ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath, new AnalysisOptions { MaxLineLength = Limit }),
            ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 512, MaxLineLength = Limit }),
            files.PromptsPath);
    }

    [Theory]
    [InlineData(0)] // the file's first line
    [InlineData(3)] // after whole lines, in a later chunk
    public void A_file_of_zero_bytes_without_line_ends_is_an_error_within_the_limit_naming_the_byte(int goodLines)
    {
        var files = LongLines.WriteDataSet(out var lines);
        using (var stream = File.Create(files.PromptsPath))
        {
            stream.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Take(goodLines).Select(l => l + "\n"))));
            stream.Write(new byte[1 << 20]);
        }

        foreach (var error in new[]
        {
            Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath, new AnalysisOptions { MaxLineLength = Limit })),
            Assert.Throws<SchemaDataException>(() => ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 1024, MaxLineLength = Limit })),
        })
        {
            Assert.Equal((SchemaErrorKind.LineTooLong, goodLines + 1L, Limit + 1L), (error.Kind, error.Line, error.Column));
            Assert.EndsWith("with the byte 0x00 at column 1 (is the file binary, or UTF-16 without a byte order mark?)", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(59)]
    [InlineData(60)]
    [InlineData(70)]
    public void Nesting_around_the_depth_limit_in_a_token_object_gives_the_same_outcome_on_both_paths(int arrays)
    {
        var files = LongLines.WriteDataSet(out var lines);
        var at = lines[1].IndexOf("{\"token\":", StringComparison.Ordinal) + 1;
        lines[1] = lines[1][..at] + "\"deep\":" + new string('[', arrays) + new string(']', arrays) + "," + lines[1][at..];
        File.WriteAllText(files.PromptsPath, string.Join('\n', lines) + "\n", new UTF8Encoding(false));

        var serial = Outcome(() => ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath));
        var parallel = Outcome(() => ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 512 }));

        Assert.Equal(serial, parallel);
        Assert.Equal(arrays + 5 > ReaderLimits.MaxDepth, serial.StartsWith("RPT010", StringComparison.Ordinal));

        static string Outcome(Func<ActivationAggregate> read)
        {
            try
            {
                return "read " + read().RecordCount;
            }
            catch (SchemaDataException exception)
            {
                return $"{Reports.Analysis.Diagnostics.SchemaErrorDiagnostics.CodeOf(exception.Kind)} ({exception.Line},{exception.Column}) {exception.Message}";
            }
        }
    }

    [Fact]
    public void A_csv_quote_left_open_is_an_error_at_the_quote_once_the_record_passes_the_limit()
    {
        var files = LongLines.WriteDataSet(out _);
        var rows = File.ReadAllLines(files.DescriptionsPath, Encoding.UTF8).ToList();
        rows.Add("999,\"a quote never closed");
        var line = rows.Count;
        rows.AddRange(Enumerable.Repeat(new string('x', 100), 200));
        File.WriteAllText(files.DescriptionsPath, string.Join('\n', rows) + "\n", new UTF8Encoding(false));

        var error = Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.ReadDescriptions(files.DescriptionsPath, out _, maxLineLength: Limit));

        Assert.Equal((SchemaErrorKind.LineTooLong, (long)line, 5L), (error.Kind, error.Line, error.Column));
        Assert.StartsWith("expected a closing quote for the field opened here within 4 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_with_a_nul_byte_is_not_text_and_says_where()
    {
        var files = LongLines.WriteDataSet(out _);
        var bytes = File.ReadAllBytes(files.DescriptionsPath).ToList();
        var secondLine = bytes.IndexOf((byte)'\n') + 1;
        bytes.Insert(secondLine + 2, 0);
        File.WriteAllBytes(files.DescriptionsPath, [.. bytes]);

        var error = Assert.Throws<SchemaDataException>(() => ActivationAnalyzer.ReadDescriptions(files.DescriptionsPath, out _));

        Assert.Equal((SchemaErrorKind.UnsupportedEncoding, 2L, 3L), (error.Kind, error.Line, error.Column));
        Assert.Equal("expected text, found the byte 0x00 (is the file binary, or UTF-16 without a byte order mark?)", error.Message);
    }
}
