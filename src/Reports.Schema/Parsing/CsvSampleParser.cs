using System.Collections.Generic;
using System.Text;

namespace Reports.Schema.Parsing;

/// <summary>Splits a CSV sample into records of fields (RFC 4180), keeping each field's 0-based position.</summary>
internal static class CsvSampleParser
{
    public readonly record struct Field(string Value, int Line, int Column);

    public static List<List<Field>> Parse(string text)
    {
        var records = new List<List<Field>>();
        var record = new List<Field>();
        var value = new StringBuilder();
        int line = 0, column = 0, i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        while (i < text.Length)
        {
            int fieldLine = line, fieldColumn = column;
            value.Clear();
            if (text[i] == '"')
            {
                i++;
                column++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new SampleSyntaxException("RPTG002", fieldLine, fieldColumn, "a quoted field is not closed");
                    }

                    var c = text[i];
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        value.Append('"');
                        i += 2;
                        column += 2;
                    }
                    else if (c == '"')
                    {
                        i++;
                        column++;
                        break;
                    }
                    else
                    {
                        value.Append(c);
                        i++;
                        Advance(c, ref line, ref column);
                    }
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                {
                    throw new SampleSyntaxException("RPTG002", line, column, "expected a comma or the end of the line after a closing quote");
                }
            }
            else
            {
                // A quote inside an unquoted field (37°36'37.8"N) is text, as Python's csv and pandas read it.
                while (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                {
                    value.Append(text[i++]);
                    column++;
                }
            }

            record.Add(new Field(value.ToString(), fieldLine, fieldColumn));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                column++;
                if (i >= text.Length || text[i] == '\r' || text[i] == '\n')
                {
                    record.Add(new Field("", line, column));
                }
                else
                {
                    continue;
                }
            }

            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }

            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }

            line++;
            column = 0;
            if (record.Count > 1 || record[0].Value.Length > 0)
            {
                records.Add(record);
            }

            record = new List<Field>();
        }

        return records;
    }

    private static void Advance(char c, ref int line, ref int column)
    {
        if (c == '\n')
        {
            line++;
            column = 0;
        }
        else if (c != '\r')
        {
            column++;
        }
    }
}
