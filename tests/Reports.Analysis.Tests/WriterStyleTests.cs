using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;
using Reports.DataGen;

namespace Reports.Analysis.Tests;

/// <summary>
/// The prompts file as Python's writers write it (spaces after separators, <c>\uXXXX</c> escapes, <c>\/</c>, tokens with
/// line breaks, tabs, quotes, backslashes, CJK, RTL and emoji): the fast reader takes every line and agrees with the
/// generated reader. That every style gives the same report data is Reports.Pipeline.Tests' WriterStyleReportTests.
/// </summary>
public sealed class WriterStyleTests
{
    /// <summary>Labels that need escapes in every style: a quote, a backslash, a slash, accents, CJK.</summary>
    private static readonly string[] Labels = ["analysis", "back\\slash/x", "code", "créatif", "math \"hard\"", "中文"];

    public static TheoryData<WriterStyle> Styles() => [.. WriterStyles.All];

    [Theory]
    [MemberData(nameof(Styles))]
    public void The_fast_reader_takes_every_line_and_agrees_with_the_generated_reader_line_by_line(WriterStyle style)
    {
        var files = Write(style);
        var bytes = File.ReadAllBytes(files.PromptsPath);
        var scanner = new PromptLineScanner();
        var escapedLines = 0;
        long offset = 0, lineNumber = 0;
        while (offset < bytes.Length)
        {
            var length = Array.IndexOf(bytes, (byte)'\n', (int)offset) - (int)offset;
            var line = bytes.AsSpan((int)offset, length);
            lineNumber++;
            escapedLines += line.Contains((byte)'\\') ? 1 : 0;

            var fast = new ActivationAggregate();
            Assert.True(scanner.TryAdd(line, lineNumber, offset, fast), $"{WriterStyles.Name(style)}: the fast reader declined line {lineNumber}");
            var generated = new ActivationAggregate();
            using (var reader = new FeatureRecordJsonlReader(new MemoryStream(line.ToArray()), files.PromptsPath))
            {
                Assert.True(reader.TryRead(out var record));
                generated.Add(record, new RecordLocation(lineNumber, offset, line.Length));
            }

            AggregateAssert.Same(generated, fast, files.PromptsPath, topPromptCount: 6);
            offset += length + 1;
        }

        Assert.Equal(lineNumber, escapedLines); // every line has escapes: labels and tokens need them in every style
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void Read_on_all_cores_no_line_of_any_style_goes_to_the_generated_reader(WriterStyle style)
    {
        var files = Write(style);

        var parallel = ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 1 << 14 });
        var serial = ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath);

        Assert.Equal(0, parallel.RecordsReadByGeneratedReader);
        AggregateAssert.Same(serial, parallel, files.PromptsPath);
    }

    private static DataSetFiles Write(WriterStyle style) => DataSetWriter.Write(
        new DataSetOptions { Features = 80, PromptsPerFeature = 16, TokensPerPrompt = 14, Seed = 31, Labels = Labels, Style = style, Text = TextMix.Multilingual },
        TestData.NewTemporaryDirectory());
}
