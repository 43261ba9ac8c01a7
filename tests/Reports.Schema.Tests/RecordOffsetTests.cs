using System.Reflection;
using System.Text;

namespace Reports.Schema.Tests;

/// <summary>
/// The CSV reader's <c>RecordOffset</c> and <c>Seek</c>, which let a caller keep where a record is instead of the record:
/// every offset is where the record's bytes start in the file, and a record read again after a seek is the same record,
/// with the same line, whatever the file's line ends, byte order mark or quoted line breaks.
/// </summary>
public sealed class RecordOffsetTests
{
    private static readonly Assembly Assembly = GeneratorRun.Run(Samples.Rows, Samples.Records).Load();

    private static readonly Type ReaderType = Assembly.GetType("Samples.RowCsvReader", throwOnError: true)!;

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    public void Each_offset_is_where_the_records_bytes_start(string newline, bool byteOrderMark)
    {
        var text = (byteOrderMark ? "\uFEFF" : "") + string.Join(newline,
            "feature_id,mean,label,note",
            "1,1.5,a,plain",
            "2,2.5,b,\"two" + newline + "lines, and \"\"quotes\"\"\"",
            "",
            "3,3.5,Zoë,\"Ελληνικά – three" + newline + newline + "lines\"",
            "4,4.5,d,last") + newline;
        var bytes = Encoding.UTF8.GetBytes(text);

        var read = ReadAll(bytes);

        Assert.Equal([1L, 2L, 3L, 4L], read.Select(r => (long)r.Record.FeatureId));
        Assert.Equal([2L, 3L, 6L, 9L], read.Select(r => r.Line));
        foreach (var (record, line, offset) in read)
        {
            // The record's own bytes start there: its feature id and the comma after it.
            var id = ((long)record.FeatureId).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",";
            Assert.Equal(id, Encoding.UTF8.GetString(bytes, (int)offset, id.Length));
            Assert.True(offset == 0 || bytes[offset - 1] == (byte)'\n', $"line {line} starts after a line end");
        }

        Assert.Equal("two" + newline + "lines, and \"quotes\"", (string)read[1].Record.Note);
        Assert.Equal("Ελληνικά – three" + newline + newline + "lines", (string)read[2].Record.Note);
    }

    [Fact]
    public void The_first_records_offset_counts_the_byte_order_mark_and_the_header()
    {
        var header = "feature_id,mean,label,note\r\n";
        var bytes = Encoding.UTF8.GetBytes("\uFEFF" + header + "7,1,a,b\r\n");

        var read = ReadAll(bytes);

        Assert.Equal(3 + header.Length, read.Single().Offset);
    }

    [Fact]
    public void Seek_reads_an_earlier_record_again_and_then_reads_on_from_it()
    {
        var text = "\uFEFFfeature_id,mean,label,note\r\n"
            + string.Concat(Enumerable.Range(1, 3000).Select(i => i % 7 == 0
                ? $"{i},{i}.5,l{i},\"row {i}\r\nsecond line\"\r\n"
                : i % 500 == 0 ? $"{i},{i}.5,l{i},row {i} {new string('x', 20_000)}\r\n" // longer than a read after a seek
                : $"{i},{i}.5,l{i},row {i}\r\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        var all = ReadAll(bytes);
        Assert.True(bytes.Length > 1 << 16, "the data is longer than the reader's buffer, so some seeks leave it");

        using var stream = new MemoryStream(bytes);
        using var reader = (IDisposable)Activator.CreateInstance(ReaderType, stream, "f.csv")!;
        // Forward to the end, then back to records behind and far behind, in and out of the buffer.
        while (TryRead(reader, out _))
        {
        }

        foreach (var index in new[] { 2990, 6, 0, 1500, 13, 999, 2499, 2999 })
        {
            var (_, line, offset) = all[index];
            Seek(reader, offset, line);
            for (var next = index; next < Math.Min(all.Count, index + 30); next++)
            {
                Assert.True(TryRead(reader, out var record));
                Assert.Equal((long)all[next].Record.FeatureId, (long)record!.FeatureId);
                Assert.Equal((string)all[next].Record.Note, (string)record.Note);
                Assert.Equal(all[next].Line, Property(reader, "RecordLine"));
                Assert.Equal(all[next].Offset, Property(reader, "RecordOffset"));
            }
        }

        Seek(reader, all[^1].Offset, all[^1].Line);
        Assert.True(TryRead(reader, out _));
        Assert.False(TryRead(reader, out _));
    }

    [Fact]
    public void An_error_after_a_seek_names_the_line_counted_from_the_one_given()
    {
        var bytes = Encoding.UTF8.GetBytes("feature_id,mean,label,note\n1,1,a,b\n2,2,b,c\n3,x,c,d\n");
        using var stream = new MemoryStream(bytes);
        using var reader = (IDisposable)Activator.CreateInstance(ReaderType, stream, "f.csv")!;
        Assert.True(TryRead(reader, out _));
        var offset = Property(reader, "RecordOffset");

        Seek(reader, offset, 2);
        Assert.True(TryRead(reader, out _));
        Assert.True(TryRead(reader, out _));
        var error = Assert.ThrowsAny<Exception>(() => TryRead(reader, out _));
        Assert.Equal(4L, ((dynamic)error).Line);
    }

    private static List<(dynamic Record, long Line, long Offset)> ReadAll(byte[] bytes)
    {
        using var reader = (IDisposable)Activator.CreateInstance(ReaderType, new MemoryStream(bytes), "f.csv")!;
        var read = new List<(dynamic, long, long)>();
        while (TryRead(reader, out var record))
        {
            read.Add((record!, Property(reader, "RecordLine"), Property(reader, "RecordOffset")));
        }

        return read;
    }

    private static bool TryRead(object reader, out dynamic? record)
    {
        var arguments = new object?[] { null };
        try
        {
            var read = (bool)ReaderType.GetMethod("TryRead")!.Invoke(reader, arguments)!;
            record = arguments[0];
            return read;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private static void Seek(object reader, long offset, long line) =>
        ReaderType.GetMethod("Seek")!.Invoke(reader, [offset, line]);

    private static long Property(object reader, string name) => (long)ReaderType.GetProperty(name)!.GetValue(reader)!;
}
