namespace Reports.Schema.Runtime;

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

/// <summary>A streaming RFC 4180 parser: quoted fields with commas, doubled quotes and line breaks; LF or CRLF.</summary>
internal sealed class CsvRecordParser : IDisposable
{
    private readonly Utf8LineSource lines;
    private readonly List<CsvField> fields = new List<CsvField>();
    private readonly StringBuilder builder = new StringBuilder();

    private long recordLength;

    public CsvRecordParser(Stream stream, string path, int maxLineLength = ReaderLimits.DefaultMaxLineLength)
    {
        lines = new Utf8LineSource(stream, path, maxLineLength);
    }

    public Utf8LineSource Lines => lines;

    /// <summary>Line where the record returned last starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Byte offset in the stream where the record returned last starts.</summary>
    public long RecordOffset { get; private set; }

    /// <summary>Makes the next record the one that starts at <paramref name="offset"/>, on line <paramref name="line"/>.</summary>
    public void Seek(long offset, long line) => lines.Seek(offset, line);

    /// <summary>Reads the next non-blank record; the fields stay valid until the next call.</summary>
    public bool TryRead(out IReadOnlyList<CsvField> record)
    {
        fields.Clear();
        record = fields;
        ReadOnlySpan<byte> line;
        do
        {
            if (!lines.TryReadLine(out line))
            {
                return false;
            }
        }
        while (line.IsEmpty);

        RecordLine = lines.LineNumber;
        RecordOffset = lines.LineOffset;
        recordLength = line.Length;
        var position = 0;
        // The column is counted on from the previous field's, not from the line's start: a record is read in one pass.
        var counted = 0;
        long column = 1;
        while (true)
        {
            column += Utf8LineSource.ColumnOf(line.Slice(counted), position - counted) - 1;
            counted = position;
            var fieldLine = lines.LineNumber;
            if (position < line.Length && line[position] == (byte)'"')
            {
                position = ReadQuoted(ref line, position, fieldLine, column);
                fields.Add(new CsvField(builder.ToString(), fieldLine, column, true));
                if (lines.LineNumber != fieldLine)
                {
                    // The field went on over line breaks: the next is counted from the start of the line it ended on.
                    counted = 0;
                    column = 1;
                }
            }
            else
            {
                var length = line.Slice(position).IndexOf((byte)',');
                // A quote inside an unquoted field (37°36'37.8"N) is text, as Python's csv and pandas read it.
                var text = length < 0 ? line.Slice(position) : line.Slice(position, length);
                fields.Add(new CsvField(Decode(text, fieldLine, line, position), fieldLine, column, false));
                position += text.Length;
            }

            if (position >= line.Length)
            {
                return true;
            }

            position++; // the comma
        }
    }

    public void Dispose() => lines.Dispose();

    /// <summary>Reads a quoted field starting at the quote; may continue over several lines. Returns the position after the closing quote.</summary>
    private int ReadQuoted(ref ReadOnlySpan<byte> line, int quoteAt, long startLine, long startColumn)
    {
        builder.Clear();
        var position = quoteAt + 1;
        while (true)
        {
            var rest = line.Slice(position);
            var quote = rest.IndexOf((byte)'"');
            if (quote < 0)
            {
                builder.Append(Decode(rest, lines.LineNumber, line, position));
                var crlf = lines.LastLineHadCarriageReturn;
                if (!lines.TryReadLine(out line))
                {
                    throw lines.Error(SchemaErrorKind.MalformedCsv, startLine, startColumn, null,
                        "a closing quote for the field opened here", "the end of the file");
                }

                // A record is held whole like a line, so the line limit bounds it too (an unclosed quote in a large file).
                recordLength += line.Length + (crlf ? 2 : 1);
                if (recordLength > lines.MaxLineLength)
                {
                    throw lines.Error(SchemaErrorKind.LineTooLong, startLine, startColumn, null,
                        "a closing quote for the field opened here within " + Utf8LineSource.Size(lines.MaxLineLength) + " (the reader's line limit, which a record's quoted line breaks count toward)",
                        "no closing quote in the next " + Utf8LineSource.Size(lines.MaxLineLength));
                }

                builder.Append(crlf ? "\r\n" : "\n");
                position = 0;
                continue;
            }

            builder.Append(Decode(rest.Slice(0, quote), lines.LineNumber, line, position));
            position += quote + 1;
            if (position < line.Length && line[position] == (byte)'"')
            {
                builder.Append('"');
                position++;
                continue;
            }

            if (position < line.Length && line[position] != (byte)',')
            {
                throw lines.Error(SchemaErrorKind.MalformedCsv, lines.LineNumber, Utf8LineSource.ColumnOf(line, position), null,
                    "a comma or the end of the line after a closing quote", "'" + (char)line[position] + "'");
            }

            return position;
        }
    }

    private string Decode(ReadOnlySpan<byte> bytes, long lineNumber, ReadOnlySpan<byte> line, int offset)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            // UTF-8 has a character 0, but no text file holds it: a CSV with one is a binary file or UTF-16.
            throw lines.Error(SchemaErrorKind.UnsupportedEncoding, lineNumber, Utf8LineSource.ColumnOf(line, offset + nul), null, "text", "the byte 0x00" + Utf8LineSource.NulHint);
        }

        try
        {
            return Utf8LineSource.Decode(bytes);
        }
        catch (DecoderFallbackException)
        {
            var bad = offset + Utf8LineSource.FirstInvalidUtf8(bytes);
            throw lines.Error(SchemaErrorKind.UnsupportedEncoding, lineNumber, Utf8LineSource.ColumnOf(line, bad), null, "UTF-8 text", Utf8LineSource.NotUtf8(line, bad));
        }
    }
}
