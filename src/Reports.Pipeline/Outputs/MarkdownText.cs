using System.Text;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// Text of the data (a title, a category, a file name, a message) as GitHub-flavoured Markdown shows it literally: a
/// <c>|</c> would end a table cell, a <c>*</c> or <c>_</c> start emphasis, a <c>[</c> a link, a <c>&lt;</c> HTML, a
/// <c>$</c> GitHub's math, and a line break would end the table row or list item the text is in.
/// </summary>
internal static class MarkdownText
{
    private const string Escaped = "\\`*_{}[]<>|#~&$!";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Escaped.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c))
            {
                // A line feed, a carriage return or a tab inside a cell: one space keeps the row whole.
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
