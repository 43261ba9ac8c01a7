using System.Text;
using Reports.Analysis;

namespace Reports.Pipeline.Tests;

/// <summary>
/// The descriptions' texts are read back from the file while the outputs are written (the report holds an index, not
/// the rows): a file in any row order, with CRLF line ends, a byte order mark and rows whose quoted fields span lines,
/// gives the same features.csv, the same catalogue and the same hover texts as the file in id order; and a file
/// changed between the read and the write is an error that names it, never a report with another file's texts.
/// </summary>
public sealed class DescriptionsReadBackTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unsorted_descriptions_file_gives_the_outputs_of_the_sorted_one(bool crlfAndByteOrderMark)
    {
        var directory = TestData.NewTemporaryDirectory();
        var (header, records) = Records(TestData.DemoDescriptions);
        Assert.Contains(records, r => r.AsSpan(0, r.Length - 1).Contains((byte)'\n')); // a row whose quoted field spans lines
        var sorted = Write(Path.Combine(directory, "sorted.csv"), header, records, crlfAndByteOrderMark);
        var shuffled = Write(Path.Combine(directory, "shuffled.csv"), header, [.. records.OrderBy(r => Hash(r))], crlfAndByteOrderMark);
        Assert.NotEqual(File.ReadAllBytes(sorted), File.ReadAllBytes(shuffled));

        var expected = Run(sorted);
        var actual = Run(shuffled);

        Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "features.csv")), File.ReadAllBytes(Path.Combine(actual, "features.csv")));
        var expectedHtml = File.ReadAllText(Path.Combine(expected, "report.html"));
        var actualHtml = File.ReadAllText(Path.Combine(actual, "report.html"));
        Assert.Equal(EmbeddedPageData.Compressed(expectedHtml, "feature-data"), EmbeddedPageData.Compressed(actualHtml, "feature-data"));
        Assert.Equal(EmbeddedPageData.Compressed(expectedHtml, "heatmap-data"), EmbeddedPageData.Compressed(actualHtml, "heatmap-data"));

        // And the catalogue is the file's, read independently (the framework's CSV parser).
        using var document = EmbeddedPageData.Read(actualHtml, "feature-data");
        var data = document.RootElement;
        var labels = data.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
        HtmlReportTests.AssertCatalogue(data, HtmlReportTests.ReadDescriptionsIndependently(shuffled), PromptTruth.ByFeature(TestData.DemoPrompts), labels);
    }

    [Fact]
    public void A_descriptions_file_changed_after_the_read_is_an_error_naming_it_and_no_output_is_written()
    {
        var directory = TestData.NewTemporaryDirectory();
        var descriptions = Path.Combine(directory, "desc.csv");
        File.Copy(TestData.DemoDescriptions, descriptions);
        var output = Path.Combine(directory, "out");
        Directory.CreateDirectory(output);
        // Once the inputs are read, a description grows: every row after it moves.
        var log = new ChangingLog(() => File.WriteAllText(descriptions, File.ReadAllText(descriptions).Replace("Chat model: activates", "Chat model (rewritten while the report was built): activates", StringComparison.Ordinal)));

        var outcome = ReportPipeline.Run(new ReportRequest { Name = "changed", DescriptionsPath = descriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output, Render = false }, log);

        Assert.True(log.Changed);
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.Severity == Reports.Analysis.Diagnostics.DiagnosticSeverity.Error);
        Assert.Contains(descriptions + " changed while the report was built", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    /// <summary>The header and each record's bytes (line end included), cut where the generated reader says each starts.</summary>
    private static (byte[] Header, byte[][] Records) Records(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var starts = new List<long>();
        using (var reader = FeatureDescriptionCsvReader.Open(path))
        {
            while (reader.TryRead(out _))
            {
                starts.Add(reader.RecordOffset);
            }
        }

        var records = starts.Select((s, i) => bytes[(int)s..(int)(i + 1 < starts.Count ? starts[i + 1] : bytes.Length)]).ToArray();
        return (bytes[..(int)starts[0]], records);
    }

    private static string Write(string path, byte[] header, IEnumerable<byte[]> records, bool crlfAndByteOrderMark)
    {
        var bytes = header.Concat(records.SelectMany(r => r)).ToArray();
        if (crlfAndByteOrderMark)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", "\r\n", StringComparison.Ordinal))];
        }

        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A fixed shuffle: the order of the records' hashes.</summary>
    private static string Hash(byte[] record) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(record));

    private static string Run(string descriptions)
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "demo", DescriptionsPath = descriptions, PromptsPath = TestData.DemoPrompts, OutputDirectory = output }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }
}
