using System.Globalization;
using System.Net;
using Reports.Rendering.Report;
using Reports.Rendering.Typography;

namespace Reports.Rendering.Html;

/// <summary>
/// <c>report.html</c>: one self-contained file that opens from <c>file://</c> with no network. The cover facts, label
/// counts, describe() and warnings are markup; the heatmap (the same selection as the PDF's) is a canvas with the
/// notebook's hover text on every cell; every feature is a row of a browsable table whose data is embedded once,
/// compressed (<see cref="EmbeddedData"/>), and only the rows in view are drawn. A contents list links to every section
/// (<see cref="HtmlContents"/>); <c>#feature-&lt;id&gt;</c> opens a feature's section, or its row and details for a
/// feature without one (feature-links.js). The style and scripts are inline (<see cref="HtmlAssets"/>), the fonts
/// embedded and cut to the page's characters (<see cref="HtmlFonts"/>).
/// </summary>
public static class HtmlReportWriter
{
    public static void Write(ReportDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        // The markup first: the fonts in the head are cut to the characters it and the embedded data show.
        var body = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteBody(document, body);
        var markup = body.ToString();
        var ticks = HeatmapColorBarTicks.Of(document.Heatmap);

        // The catalogue's texts may be read from a file while they are written: its data is made first, and the
        // characters the fonts need are gathered on the way, so the file is read once for both.
        var characters = new CodePointSet();
        var catalog = EmbeddedData.Compress(json => FeatureCatalogJson.Write(json, document.Catalog, characters.Add));
        foreach (var text in PageTexts(document, WebUtility.HtmlDecode(markup), ticks))
        {
            characters.Add(text);
        }

        output.NewLine = "\n";
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\">");
        output.WriteLine("<head>");
        output.WriteLine("<meta charset=\"utf-8\">");
        output.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        output.WriteLine($"<title>{Escape(document.Title)}</title>");
        output.WriteLine($"<style>\n{HtmlFonts.Css(characters.ToArray())}{HtmlAssets.Style}</style>");
        output.WriteLine("</head>");
        output.Write(markup);
        EmbeddedData.Write(output, HeatmapJson.ElementId, json => HeatmapJson.Write(json, document.Heatmap, document.HeatmapHoverTexts, ticks));
        EmbeddedData.Write(output, FeatureCatalogJson.ElementId, catalog);
        output.WriteLine($"<script>\n{HtmlAssets.Script}</script>");
        output.WriteLine("</body>");
        output.WriteLine("</html>");
    }

    /// <summary>Every text the page can show beside the catalogue's: its markup, the heatmap's texts and the scripts' own words.</summary>
    private static IEnumerable<string> PageTexts(ReportDocument document, string markup, IReadOnlyList<(double Value, string Label)> ticks)
    {
        IEnumerable<IEnumerable<string?>> parts =
        [
            [markup, HtmlAssets.Script], Charts.ActivationHeatmap.Texts(document.Heatmap), document.HeatmapHoverTexts.Cast<string?>(),
            ticks.Select(t => t.Label),
        ];
        return parts.SelectMany(part => part).OfType<string>();
    }

    /// <summary>The page's markup, up to the embedded data and the scripts (the body is left open).</summary>
    private static void WriteBody(ReportDocument document, TextWriter output)
    {
        output.WriteLine("<body>");
        output.WriteLine($"<h1>{Escape(document.Title)}</h1>");
        if (document.DataDate is { } date)
        {
            output.WriteLine($"<p>Date of the data: {date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</p>");
        }
        output.WriteLine("<table>");
        foreach (var (label, value) in document.Totals)
        {
            output.WriteLine($"<tr><th>{Escape(label)}</th><td class=\"num\">{Escape(value)}</td></tr>");
        }

        output.WriteLine("</table>");

        // The sections are written first, so the contents list above them has each one's heading.
        var contents = new HtmlContents();
        var sections = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        contents.Heading(sections, "Input files", "inputs");
        WriteTable(sections, document.Inputs);
        if (document.Changes is { } changes)
        {
            WriteChanges(sections, changes, contents);
        }

        if (document.Warnings.Count > 0)
        {
            contents.Heading(sections, "Warnings", "warnings");
            sections.WriteLine("<ul class=\"warnings\">");
            foreach (var warning in document.Warnings)
            {
                sections.WriteLine($"<li>{Escape(warning)}</li>");
            }

            sections.WriteLine("</ul>");
        }

        WriteHeatmap(document, sections, contents);
        contents.Heading(sections, "Prompts per category", "label-counts");
        WriteTable(sections, document.LabelCounts);
        contents.Heading(sections, "Mean activation per category: describe()", "describe");
        WriteTable(sections, document.Describe);
        WriteFeatureBrowser(document, sections, contents);
        if (document.FeaturePages.Count > 0)
        {
            contents.Heading(sections, string.Create(CultureInfo.InvariantCulture, $"Feature sections ({document.FeaturePages.Count:N0})"), "feature-sections");
            foreach (var page in document.FeaturePages)
            {
                contents.Entry(page.FeatureId, page.Anchor);
                WriteFeature(sections, page);
            }
        }

        contents.Write(output);
        output.Write(sections.ToString());
    }

    /// <summary>What changed since the previous build: the PDF's section, its trend chart as SVG.</summary>
    private static void WriteChanges(TextWriter output, ChangesSection changes, HtmlContents contents)
    {
        contents.Heading(output, "Changes since the previous build", "changes");
        output.WriteLine($"<p>{Escape(changes.Summary)}</p>");
        foreach (var part in changes.Parts)
        {
            output.WriteLine($"<h3>{Escape(part.Title)}</h3>");
            output.WriteLine($"<p class=\"note\">{Escape(part.Note)}</p>");
            if (part.Table is { } table)
            {
                WriteTable(output, table);
            }
        }

        if (changes.Trend is { CanDraw: true } trend)
        {
            output.WriteLine(Charts.TrendPlot.Svg(trend));
        }
    }

    private static void WriteHeatmap(ReportDocument document, TextWriter output, HtmlContents contents)
    {
        contents.Heading(output, "Heatmap", "heatmap");
        var notes = string.IsNullOrEmpty(document.SelectionNote) ? document.HeatmapOrderNote : document.SelectionNote + " " + document.HeatmapOrderNote;
        output.WriteLine($"<p class=\"note\">{Escape(notes)}</p>");
        output.WriteLine("<p class=\"note\">Hover over a cell for the feature's type and description. Zoom: the mouse wheel (features; with Shift, categories) or drag a box; pan: the Pan button, or Shift and drag; double-click to see it all again.</p>");
        output.WriteLine("<div class=\"heatmap-figure\" id=\"heatmap-figure\">");
        output.WriteLine("<div class=\"toolbar\" role=\"toolbar\" aria-label=\"Heatmap\">"
            + "<button type=\"button\" data-action=\"zoom\" aria-pressed=\"true\">Zoom box</button>"
            + "<button type=\"button\" data-action=\"pan\" aria-pressed=\"false\">Pan</button>"
            + "<button type=\"button\" data-action=\"reset\">Reset</button>"
            + "<button type=\"button\" data-action=\"png\">Download PNG</button></div>");
        output.WriteLine($"<canvas role=\"img\" aria-label=\"{Escape(document.Heatmap.Title)}\">heatmap.png beside this page is the same figure.</canvas>");
        output.WriteLine("<div class=\"heatmap-tooltip\" hidden></div>");
        output.WriteLine("</div>");
    }

    /// <summary>The table of every feature: its controls and an empty grid the script fills with the rows in view.</summary>
    private static void WriteFeatureBrowser(ReportDocument document, TextWriter output, HtmlContents contents)
    {
        contents.Heading(output, "Features", "features");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Every feature of either input ({document.Catalog.Count:N0}). Search by id, description, type or token; click a column's header to sort by it, a row for the feature's statistics per category and, for the {document.FeaturePages.Count:N0} with a section of their own, its strongest prompts. features.csv holds the same table for pandas and DuckDB.</p>"));
        output.WriteLine("<div class=\"feature-browser\" id=\"feature-browser\">");
        output.WriteLine("<div class=\"feature-controls\">"
            + "<input type=\"search\" placeholder=\"Search: a feature id, or words of its description, type or token\" aria-label=\"Search features\">"
            + "<select name=\"type\" aria-label=\"Type\"><option value=\"\">Every type</option></select>"
            + "<select name=\"category\" aria-label=\"Most specific to\"><option value=\"\">Most specific to any category</option></select>"
            + "<span class=\"count\" aria-live=\"polite\"></span></div>");
        output.WriteLine("<div class=\"feature-grid\" role=\"grid\" tabindex=\"0\" aria-label=\"Features\"></div>");
        output.WriteLine("</div>");
        output.WriteLine("<noscript><p>The feature table and the heatmap need JavaScript; features.csv and heatmap.png beside this page hold the same.</p></noscript>");
        output.WriteLine("<aside id=\"feature-details\" aria-label=\"Feature details\" hidden></aside>");
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

        WriteTable(output, page.Statistics);
        output.WriteLine("<h3>Activation by category</h3>");
        output.WriteLine(Charts.DistributionPlot.Svg(page.Distribution, page.Anchor + "-clip-"));
        output.WriteLine($"<p class=\"note\">{Escape(FeaturePage.DistributionNote)}</p>");
        output.WriteLine("<h3>Category contrast</h3>");
        WriteTable(output, page.Contrast);
        output.WriteLine($"<p>{Escape(page.MostSpecific)}</p>");
        output.WriteLine("<h3>Strongest prompts</h3>");
        // One element the feature table's details panel shows as it is.
        output.WriteLine("<div class=\"strongest\">");
        // The key is drawn as the prompts are: its numbers shaded as tokens of those activations.
        output.Write("<div class=\"shading-scale\">");
        WriteTokens(output, page.ShadingScale, page.ShadingMax);
        output.WriteLine("</div>");
        output.WriteLine($"<p class=\"note\">{Escape(page.ShadingKey)}</p>");
        foreach (var prompt in page.TopPrompts)
        {
            // dir="auto": a prompt reads in the direction of its first strong character, as the PDF draws it.
            output.Write("<div class=\"prompt\"><div class=\"meta\">");
            output.Write(Escape(prompt.Caption));
            output.Write("</div><div dir=\"auto\">");
            WriteTokens(output, prompt.Tokens, prompt.ScaleMax);
            output.WriteLine("</div></div>");
        }

        output.WriteLine("</div>");
        if (page.TopTokens.Rows.Count > 0)
        {
            output.WriteLine("<h3>Tokens it fires on most</h3>");
            WriteTable(output, page.TopTokens);
        }

        output.WriteLine("</section>");
    }

    /// <summary>Tokens shaded by their activation on a scale whose top is <paramref name="scaleMax"/>, the strongest in bold.</summary>
    private static void WriteTokens(TextWriter output, IReadOnlyList<ShadedToken> tokens, double scaleMax)
    {
        foreach (var token in tokens)
        {
            var shade = Pdf.HighlightedTokens.Shade(token.Activation, scaleMax);
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
    }

    private static void WriteTable(TextWriter output, TableModel table)
    {
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
