using System.Text;
using Reports.Analysis.Diagnostics;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests;

/// <summary>
/// The descriptions file held as an index (where each row is, and its numbers) and its rows read back from the file:
/// read back, a row is the row the generated reader reads from the file front to back, in any order asked for, whatever
/// the file's order, byte order mark, line ends and quoted line breaks; a file changed since is a clear error.
/// </summary>
public sealed class DescriptionIndexTests
{
    private const string Header = "feature_id,general_activation_mean,general_activation_max,general_activation_min,personal_mean,personal_cohens_d,chat_desc,pt_desc,type,source,token,num_prompts,link,claude_completion,claude_desc,claude_type";

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", true)]
    public void Rows_read_back_are_the_rows_of_the_file_in_any_order(string newline, bool byteOrderMark)
    {
        var ids = new long[] { 40, 7, 1000, 3, 12, 5, 999, 0, 41 }; // out of order
        var path = Write(byteOrderMark, newline, ids.Select(id => Row(id, newline)));
        var expected = ReadFrontToBack(path);

        var index = ActivationAnalyzer.ReadDescriptions(path);

        Assert.Equal(ids.Order(), index.FeatureIds);
        Assert.Equal(ids.Order().Select(id => expected[id].Line), index.Lines);
        Assert.Equal(ids.Order().Select(id => expected[id].Row), index.ReadRows(ids.Order()));
        Assert.Equal(ids.Select(id => expected[id].Row), index.ReadRows(ids));
        long[] shuffled = [999, 3, 3, 40, 0, 1000, 12, 5, 7, 41, 0];
        Assert.Equal(shuffled.Select(id => expected[id].Row), index.ReadRows(shuffled));
        Assert.Equal(expected[12].Row, index.ReadRow(12));
        Assert.Contains("\"quoted\"", index.ReadRow(12)!.ClaudeDesc, StringComparison.Ordinal);
        Assert.Contains(newline + "second line", index.ReadRow(12)!.ClaudeDesc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_numbers_are_held_with_missing_values_as_null()
    {
        var path = Write(false, "\n",
        [
            "2,1.5,inf,-inf,NaN,,a,b,personal,s,t,,https://x,c,d,e",
            "1,0.25,3,0,1,-2.5,a,b,general,s,t,18.0,https://x,c,d,e",
        ]);

        var index = ActivationAnalyzer.ReadDescriptions(path, out var missing);

        Assert.Equal([1L, 2L], index.FeatureIds);
        Assert.Equal([3L, 2L], index.Lines);
        Assert.Equal((0.25, 3.0, 0.0, 1.0, -2.5, 18L), (index.GeneralActivationMean(0), index.GeneralActivationMax(0), index.GeneralActivationMin(0), index.PersonalMean(0), index.PersonalCohensD(0), index.NumPrompts(0)));
        Assert.Equal(1.5, index.GeneralActivationMean(1));
        Assert.Equal(double.PositiveInfinity, index.GeneralActivationMax(1));
        Assert.Equal(double.NegativeInfinity, index.GeneralActivationMin(1));
        Assert.Null(index.PersonalMean(1));
        Assert.Null(index.PersonalCohensD(1));
        Assert.Null(index.NumPrompts(1));
        Assert.Equal(["personal_mean", "personal_cohens_d", "num_prompts"], missing.Select(m => m.Column));
    }

    [Fact]
    public void A_feature_the_file_does_not_describe_has_no_index_and_reads_back_as_null()
    {
        var path = Write(false, "\n", [Row(1, "\n"), Row(3, "\n")]);

        var index = ActivationAnalyzer.ReadDescriptions(path);

        Assert.Equal(-1, index.IndexOf(2));
        Assert.Equal(1, index.IndexOf(3));
        Assert.Null(index.ReadRow(2));
        Assert.Equal([1L, null, 3L], index.ReadRows([1, 2, 3]).Select(r => r?.FeatureId));
    }

    [Fact]
    public void A_feature_described_twice_out_of_order_is_an_error_at_the_second_row_naming_the_first()
    {
        var path = Write(false, "\n", [Row(5, "\n"), Row(3, "\n"), Row(9, "\n"), Row(5, "\n")]);

        var exception = Assert.Throws<ReportInputException>(() => ActivationAnalyzer.ReadDescriptions(path));

        Assert.Equal(DiagnosticCodes.DuplicateDescription, exception.Diagnostic.Code);
        Assert.Equal(8, exception.Diagnostic.Line); // rows of two lines each after the header
        Assert.Contains("found feature 5 again (first at line 2)", exception.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_since_it_was_indexed_is_a_clear_error_naming_it()
    {
        var path = Write(false, "\n", [Row(1, "\n"), Row(2, "\n"), Row(3, "\n")]);
        var index = ActivationAnalyzer.ReadDescriptions(path);
        Assert.Equal(3L, index.ReadRow(3)!.FeatureId);

        // The first row's description grows: every later row moves.
        File.WriteAllText(path, File.ReadAllText(path).Replace("row 1 says", "row 1 now says a good deal more", StringComparison.Ordinal));

        Assert.Equal(1L, index.ReadRow(1)!.FeatureId);
        var exception = Assert.Throws<InputChangedException>(() => index.ReadRows([1, 2, 3]).ToList());
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("changed while the report was built", exception.Message, StringComparison.Ordinal);
        Assert.Contains("feature 2", exception.Message, StringComparison.Ordinal);
        Assert.Equal((path, 4L), (exception.FilePath, exception.Line)); // feature 2's row, after the header and row 1's two lines
        Assert.Equal((DiagnosticSeverity.Error, DiagnosticCodes.InputChanged, path, 4L), (exception.Diagnostic.Severity, exception.Diagnostic.Code, exception.Diagnostic.File, exception.Diagnostic.Line));
        Assert.EndsWith("build the report again once the file is no longer being written", exception.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_whose_numbers_changed_in_place_is_a_changed_file_too()
    {
        var path = Write(false, "\n", [Row(1, "\n"), Row(2, "\n")]);
        var index = ActivationAnalyzer.ReadDescriptions(path);

        File.WriteAllText(path, File.ReadAllText(path).Replace("2,2.5,", "2,3.5,", StringComparison.Ordinal));

        var exception = Assert.Throws<InputChangedException>(() => index.ReadRow(2));
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(4L, exception.Line);
    }

    [Fact]
    public void A_file_gone_since_it_was_indexed_is_a_changed_file()
    {
        var path = Write(false, "\n", [Row(1, "\n")]);
        var index = ActivationAnalyzer.ReadDescriptions(path);
        File.Delete(path);

        var exception = Assert.Throws<InputChangedException>(() => index.ReadRow(1));
        Assert.Contains(path + " changed while the report was built: it no longer exists", exception.Message, StringComparison.Ordinal);
        Assert.Null(index.ReadRow(2)); // not described: the file is not needed
    }

    /// <summary>A row of two lines (its description has a quoted line break), with quotes, commas and other scripts.</summary>
    private static string Row(long id, string newline) =>
        $"{id},{id}.5,{id + 1},0.1,1.25,0.5,\"chat, {id}\",pt,personal,src,▁tok{id},{id % 4},https://x/{id},\"Zoë – Ελληνικά {id}\",\"row {id} says \"\"quoted\"\", then{newline}second line\",Type{id % 3}";

    private static string Write(bool byteOrderMark, string newline, IEnumerable<string> rows)
    {
        var path = Path.Combine(TestData.NewTemporaryDirectory(), "desc.csv");
        File.WriteAllBytes(path, [.. (byteOrderMark ? Encoding.UTF8.Preamble.ToArray() : []), .. Encoding.UTF8.GetBytes(Header + newline + string.Concat(rows.Select(r => r + newline)))]);
        return path;
    }

    private static Dictionary<long, (FeatureDescription Row, long Line)> ReadFrontToBack(string path)
    {
        var rows = new Dictionary<long, (FeatureDescription, long)>();
        using var reader = FeatureDescriptionCsvReader.Open(path);
        while (reader.TryRead(out var row))
        {
            rows.Add(row.FeatureId, (row, reader.RecordLine));
        }

        return rows;
    }
}
