using System.Net;

namespace Reports.Rendering.Html;

/// <summary>
/// report.html's contents list. Each section's heading is written through it, so the list links to every section the
/// page has, under the same stable ids the PDF's anchors use (<c>#heatmap</c>, <c>#features</c>, <c>#feature-575</c>).
/// </summary>
internal sealed class HtmlContents
{
    private readonly List<(string Title, string Id, List<(string Label, string Id)> Entries)> sections = [];

    /// <summary>Writes a section's heading, with its id, and lists it.</summary>
    public void Heading(TextWriter output, string title, string id)
    {
        sections.Add((title, id, []));
        output.WriteLine($"<h2 id=\"{id}\">{WebUtility.HtmlEncode(title)}</h2>");
    }

    /// <summary>Lists a part of the last section (a feature's section under the feature sections) by a short label.</summary>
    public void Entry(string label, string id) => sections[^1].Entries.Add((label, id));

    public void Write(TextWriter output)
    {
        output.WriteLine("<nav class=\"contents\" aria-labelledby=\"contents\">");
        output.WriteLine("<h2 id=\"contents\">Contents</h2>");
        output.WriteLine("<ol>");
        foreach (var (title, id, entries) in sections)
        {
            output.Write($"<li><a href=\"#{id}\">{WebUtility.HtmlEncode(title)}</a>");
            // Many features: their links run on as one paragraph rather than a line each.
            for (var i = 0; i < entries.Count; i++)
            {
                output.Write($"{(i == 0 ? ": " : ", ")}<a href=\"#{entries[i].Id}\">{WebUtility.HtmlEncode(entries[i].Label)}</a>");
            }

            output.WriteLine("</li>");
        }

        output.WriteLine("</ol>");
        output.WriteLine("</nav>");
    }
}
