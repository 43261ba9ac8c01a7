using System.Globalization;
using System.Net;
using Reports.Rendering.Report;

namespace Reports.Rendering.Html;

/// <summary>
/// <c>report.html</c>: one self-contained file (inline CSS and SVG, no script, nothing fetched from the network) with
/// the cover facts, the heatmap with per-cell hover text, and the tables. It opens in a browser on a machine offline.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body { margin: 2rem auto; max-width: 1400px; color: #1d1d1f; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
        table { border-collapse: collapse; font-size: .85rem; margin: .6rem 0; }
        th, td { border: 1px solid #d0d0d0; padding: .3rem .5rem; vertical-align: top; text-align: left; }
        th { background: #f0f0f3; position: sticky; top: 0; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr:nth-child(even) td { background: #fafafa; }
        .heatmap-scroll { overflow-x: auto; }
        svg.heatmap text { font-size: 12px; fill: #222; }
        svg.heatmap .title { font-size: 16px; text-anchor: middle; }
        svg.heatmap .row { text-anchor: end; dominant-baseline: middle; }
        svg.heatmap .column { text-anchor: start; dominant-baseline: middle; }
        svg.heatmap .axis { font-size: 14px; text-anchor: middle; }
        svg.heatmap .cell { fill: #fff; font-size: 10px; text-anchor: middle; dominant-baseline: middle; pointer-events: none; }
        svg.heatmap .tick { dominant-baseline: middle; }
        svg.heatmap .frame { fill: none; stroke: #222; }
        svg.heatmap rect:hover { stroke: #000; stroke-width: 2; }
        .warnings li { color: #8a5a00; }
        section.feature { border-top: 2px solid #ddd; margin-top: 2.5rem; }
        .prompt { margin: .4rem 0 .9rem; line-height: 1.9; }
        .prompt .meta { font-size: .8rem; font-weight: bold; line-height: 1.4; }
        .tok { border-radius: 2px; white-space: pre-wrap; }
        .note { font-size: .8rem; color: #555; }
        .swatch { display: inline-block; width: 8rem; height: .7rem; border: 1px solid #bbb; vertical-align: middle; }
        """;

    public static void Write(ReportDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        // The body first: the fonts in the head are cut to the characters it shows.
        var body = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteBody(document, body);
        output.NewLine = "\n";
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\">");
        output.WriteLine("<head>");
        output.WriteLine("<meta charset=\"utf-8\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine($"<title>{Escape(document.Title)}</title>");
        output.WriteLine($"<style>\n{HtmlFonts.Css(WebUtility.HtmlDecode(body.ToString()))}{Style}\n</style>");
        output.WriteLine("</head>");
        output.Write(body.ToString());
    }

    private static void WriteBody(ReportDocument document, TextWriter output)
    {
        output.WriteLine("<body>");
        output.WriteLine($"<h1>{Escape(document.Title)}</h1>");
        output.WriteLine($"<p>Date of the data: {(document.DataDate is { } date ? date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not stated")}</p>");
        output.WriteLine("<table>");
        foreach (var (label, value) in document.Totals)
        {
            output.WriteLine($"<tr><th>{Escape(label)}</th><td class=\"num\">{Escape(value)}</td></tr>");
        }

        output.WriteLine("</table>");
        WriteTable(output, "Input files", "inputs", document.Inputs);
        if (document.Warnings.Count > 0)
        {
            output.WriteLine("<h2 id=\"warnings\">Warnings</h2>");
            output.WriteLine("<ul class=\"warnings\">");
            foreach (var warning in document.Warnings)
            {
                output.WriteLine($"<li>{Escape(warning)}</li>");
            }

            output.WriteLine("</ul>");
        }

        output.WriteLine("<h2 id=\"heatmap\">Heatmap</h2>");
        output.WriteLine("<p>Hover over a cell for the feature's type and description.</p>");
        output.WriteLine("<div class=\"heatmap-scroll\">");
        HeatmapSvg.Write(output, document.Heatmap, document.HeatmapHoverTexts);
        output.WriteLine("</div>");
        WriteTable(output, "Prompts per category", "label-counts", document.LabelCounts);
        WriteTable(output, "Mean activation per category: describe()", "describe", document.Describe);
        WriteTable(output, "Feature descriptions", "features", document.AllFeatures);
        foreach (var page in document.FeaturePages)
        {
            WriteFeature(output, page);
        }

        output.WriteLine("</body>");
        output.WriteLine("</html>");
    }

    private static void WriteFeature(TextWriter output, FeaturePage page)
    {
        output.WriteLine($"<section class=\"feature\" id=\"{page.Anchor}\">");
        output.WriteLine($"<h2>Feature {Escape(page.FeatureId)}</h2>");
        output.WriteLine($"<p><b>{Escape(page.Type)}</b>: <span dir=\"auto\">{Escape(page.Description)}</span></p>");
        if (page.Link is { } link)
        {
            output.WriteLine($"<p><a href=\"{Escape(link)}\">{Escape(link)}</a></p>");
        }

        WriteTable(output, null, null, page.Statistics);
        output.WriteLine("<h3>Activation by category</h3>");
        output.WriteLine(Charts.DistributionPlot.Svg(page.Distribution, page.Anchor + "-clip-"));
        output.WriteLine($"<p class=\"note\">{Escape(FeaturePage.DistributionNote)}</p>");
        output.WriteLine("<h3>Category contrast</h3>");
        WriteTable(output, null, null, page.Contrast);
        output.WriteLine($"<p>{Escape(page.MostSpecific)}</p>");
        output.WriteLine("<h3>Strongest prompts</h3>");
        var high = Pdf.HighlightedTokens.Shade(page.ShadingMax, page.ShadingMax);
        output.WriteLine($"<p class=\"note\"><span class=\"swatch\" style=\"background:linear-gradient(to right,#fff,#{high.Red:X2}{high.Green:X2}{high.Blue:X2})\"></span> {Escape(page.ShadingKey)}</p>");
        foreach (var prompt in page.TopPrompts)
        {
            // dir="auto": a prompt reads in the direction of its first strong character, as the PDF draws it.
            output.Write("<div class=\"prompt\"><div class=\"meta\">");
            output.Write(Escape(prompt.Caption));
            output.Write("</div><div dir=\"auto\">");
            foreach (var token in prompt.Tokens)
            {
                var shade = Pdf.HighlightedTokens.Shade(token.Activation, prompt.ScaleMax);
                var text = Escape(token.Text);
                var title = token.Activation > 0 ? string.Create(CultureInfo.InvariantCulture, $" title=\"{token.Activation:0.000}\"") : "";
                output.Write(token.Activation > 0
                    ? $"<span class=\"tok\" style=\"background:#{shade.Red:X2}{shade.Green:X2}{shade.Blue:X2}\"{title}>{(token.IsStrongest ? $"<b>{text}</b>" : text)}</span>"
                    : $"<span class=\"tok\">{text}</span>");
                if (token.EndsLine)
                {
                    output.Write("<br>");
                }
            }

            output.WriteLine("</div></div>");
        }

        if (page.TopTokens.Rows.Count > 0)
        {
            output.WriteLine("<h3>Tokens it fires on most</h3>");
            WriteTable(output, null, null, page.TopTokens);
        }

        output.WriteLine("</section>");
    }

    private static void WriteTable(TextWriter output, string? heading, string? id, TableModel table)
    {
        if (heading is not null)
        {
            output.WriteLine($"<h2 id=\"{id}\">{Escape(heading)}</h2>");
        }

        output.WriteLine("<table>");
        output.Write("<thead><tr>");
        foreach (var column in table.Columns)
        {
            output.Write($"<th>{Escape(column.Header)}</th>");
        }

        output.WriteLine("</tr></thead>");
        output.WriteLine("<tbody>");
        foreach (var row in table.Rows)
        {
            output.Write("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                var text = Escape(cell.Text);
                var content = cell.Link is null ? text : $"<a href=\"{Escape(cell.Link)}\">{text}</a>";
                output.Write(table.Columns[i].IsNumeric ? $"<td class=\"num\">{content}</td>" : $"<td dir=\"auto\">{content}</td>");
            }

            output.WriteLine("</tr>");
        }

        output.WriteLine("</tbody>");
        output.WriteLine("</table>");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
}
