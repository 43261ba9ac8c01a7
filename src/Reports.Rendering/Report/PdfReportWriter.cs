using System.Globalization;
using Reports.Rendering.Charts;
using Reports.Rendering.Pdf;
using SkiaSharp;

namespace Reports.Rendering.Report;

/// <summary>
/// <c>report.pdf</c>, the document a researcher hands on: a cover (title, date of the data, totals, input files,
/// contents), the heatmap drawn as vectors (continued over pages in feature order with one colour scale when it is
/// too wide), the label counts and describe() tables, any warnings, and the feature-description table. Its outline
/// (bookmarks) has the cover, the contents and every section of the contents, the feature sections nested under theirs.
/// </summary>
public static class PdfReportWriter
{
    /// <summary>Most feature columns on one heatmap page; beyond it the heatmap continues on the next page.</summary>
    internal const int MaxColumnsPerPage = 20;

    public static int Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = new DocumentSettings
        {
            Title = document.Title,
            Subject = "Mean activation per SAE feature and prompt category, with the feature descriptions",
            Creator = "Reports (dotnet build)",
            Producer = "Reports.Rendering on SkiaSharp's PDF backend",
            Date = document.DataDate,
        };
        var pdf = new PdfDocument(settings);
        var contents = new List<(string Title, string Anchor)>();

        // Charts are drawn by ScottPlot: hand it this document's subset faces under a name of their own.
        string? fontName = null;
        pdf.BeforeDrawing = fonts => fontName = ShippedFontResolver.Register(fonts.Regular, fonts.Bold, fonts.Italic);
        pdf.AfterDrawing = () =>
        {
            if (fontName is not null)
            {
                ShippedFontResolver.Unregister(fontName);
            }
        };

        pdf.Add(new Paragraph(document.Title, new TextStyle(22, Bold: true)) { SpaceAfter = 10, Anchor = "cover" });
        // A reader's cover states what is known: no date line when the build was given none.
        if (document.DataDate is { } date)
        {
            pdf.Add(new Paragraph("Date of the data: " + date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { SpaceAfter = 8 });
        }
        pdf.Add(new Table(new TableModel([new("Total", 2), new("Count", 1, IsNumeric: true)], [.. document.Totals.Select(t => (IReadOnlyList<TableCell>)[t.Label, t.Value])])) { Style = new TextStyle(9) });
        pdf.Add(new Spacer(8));
        pdf.Add(new Heading("Input files", 2, "inputs"));
        pdf.Add(new Table(document.Inputs));
        pdf.Add(new Spacer(8));
        pdf.Add(new Heading("Contents", 2, "contents"));
        var contentsList = new ContentsList(contents);
        pdf.Add(contentsList);

        if (document.Changes is { } changes)
        {
            AddChanges(pdf, changes, contents, () => fontName);
        }

        AddEveryFeature(pdf, document, contents);
        AddHeatmap(pdf, document, contents, () => fontName);

        Section(pdf, contents, "Prompts per category", "label-counts", newPage: true);
        pdf.Add(new Table(document.LabelCounts) { Style = new TextStyle(9) });
        pdf.Add(new Spacer(10));
        Section(pdf, contents, "Mean activation per category: describe()", "describe", newPage: false);
        pdf.Add(new Paragraph("pandas' DataFrame.describe() of the feature x category table of mean activations: count of features with prompts in the category, mean, standard deviation (ddof = 1), minimum, quartiles (linear interpolation) and maximum.", TextStyle.Small));
        pdf.Add(new Table(document.Describe) { Style = new TextStyle(9) });

        if (document.Warnings.Count > 0)
        {
            pdf.Add(new Spacer(10));
            Section(pdf, contents, "Warnings", "warnings", newPage: false);
            foreach (var warning in document.Warnings)
            {
                pdf.Add(new Paragraph(warning, TextStyle.Small));
            }
        }

        Section(pdf, contents, "Feature descriptions", "features", newPage: true);
        if (document.SelectionNote.Length > 0)
        {
            pdf.Add(new Paragraph(document.SelectionNote, TextStyle.Small));
        }

        pdf.Add(new Table(document.Features));

        List<OutlineEntry> outline = [new("Cover", "cover"), new("Input files", "inputs"), new("Contents", "contents"), .. contents.Select(c => new OutlineEntry(c.Title, c.Anchor))];
        if (document.FeaturePages.Count > 0)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $"Feature pages ({document.FeaturePages.Count})");
            contents.Add((title, document.FeaturePages[0].Anchor));
            outline.Add(new OutlineEntry(title, document.FeaturePages[0].Anchor) { Children = [.. document.FeaturePages.Select(p => new OutlineEntry(FeatureHeading(p), p.Anchor))] });
            foreach (var page in document.FeaturePages)
            {
                AddFeaturePage(pdf, page, () => fontName);
            }
        }

        foreach (var entry in outline)
        {
            pdf.Outline.Add(entry);
        }

        return pdf.Save(output);
    }

    private static void Section(PdfDocument pdf, List<(string, string)> contents, string title, string anchor, bool newPage)
    {
        contents.Add((title, anchor));
        pdf.Add(new Heading(title, 1, anchor) { NewPage = newPage });
    }

    /// <summary>What changed since the previous build, first after the cover: what a reader of a new build asks first.</summary>
    private static void AddChanges(PdfDocument pdf, ChangesSection changes, List<(string, string)> contents, Func<string?> fontName)
    {
        Section(pdf, contents, "Changes since the previous build", "changes", newPage: true);
        pdf.Add(new Paragraph(changes.Summary, new TextStyle(10)) { SpaceAfter = 6 });
        for (var i = 0; i < changes.Parts.Count; i++)
        {
            var part = changes.Parts[i];
            pdf.Add(new Heading(part.Title, 2, "changes-" + (i + 1).ToString(CultureInfo.InvariantCulture)));
            pdf.Add(new Paragraph(part.Note, TextStyle.Small) { KeepWithNext = part.Table is not null });
            if (part.Table is { } table)
            {
                pdf.Add(new Table(table) { Style = new TextStyle(8) });
            }

            pdf.Add(new Spacer(6));
        }

        if (changes.Trend is { CanDraw: true } trend)
        {
            AddChart(pdf, TrendPlot.Width, TrendPlot.Height, (canvas, area) => TrendPlot.Draw(canvas, area, trend, fontName()), TrendPlot.Texts(trend));
        }
    }

    /// <summary>
    /// The category summary (features per most specific category, the distribution of their Cohen's d) and the overview
    /// of every feature, each on a landscape page of its own right after the contents: what a wide report is made of,
    /// before the heatmap's selection.
    /// </summary>
    private static void AddEveryFeature(PdfDocument pdf, ReportDocument document, List<(string, string)> contents)
    {
        if (document.CategorySummary is { } summary)
        {
            Section(pdf, contents, "Features by their most specific category", "categories", newPage: true);
            pdf.Add(new Paragraph(document.CategorySummaryNote, TextStyle.Small));
            pdf.Add(new Table(summary) { Style = new TextStyle(8) });
            var boxes = document.CategoryContrasts;
            if (boxes.Any(b => b.Count > 0))
            {
                pdf.Add(new Spacer(10));
                pdf.Add(new DrawnFigure((_, _) => ContrastBoxPlot.Height(boxes), (canvas, rect, fonts) => ContrastBoxPlot.Draw(canvas, rect, boxes, fonts), ContrastBoxPlot.Texts(boxes)));
                pdf.Add(new Paragraph(ContrastBoxPlot.Note, TextStyle.Small));
            }
        }

        if (document.Overview is { } overview)
        {
            Section(pdf, contents, "Every feature", "overview", newPage: true);
            pdf.Add(new DrawnFigure((fonts, width) => FeatureOverview.Height(overview, fonts, width), (canvas, rect, fonts) => FeatureOverview.Draw(canvas, rect, overview, fonts), FeatureOverview.Texts(overview)));
            pdf.Add(new Spacer(4));
            pdf.Add(new Paragraph(document.OverviewNote, TextStyle.Small));
        }
    }

    private static void AddHeatmap(PdfDocument pdf, ReportDocument document, List<(string, string)> contents, Func<string?> fontName)
    {
        var model = document.Heatmap;
        var columns = model.ColumnLabels.Count;
        var range = model.ValueRange();
        var pages = Math.Max(1, (columns + MaxColumnsPerPage - 1) / MaxColumnsPerPage);
        var perPage = (columns + pages - 1) / Math.Max(1, pages);
        var contentWidth = DocumentSettings.A4Landscape.Width - 72;
        for (var page = 0; page < pages; page++)
        {
            var first = page * perPage;
            var count = Math.Min(perPage, columns - first);
            if (count <= 0)
            {
                break;
            }

            var title = pages == 1 ? "Heatmap" : string.Create(CultureInfo.InvariantCulture, $"Heatmap, part {page + 1} of {pages} (features {model.ColumnLabels[first]} to {model.ColumnLabels[first + count - 1]})");
            Section(pdf, contents, title, "heatmap-" + (page + 1).ToString(CultureInfo.InvariantCulture), newPage: true);

            var (width, height) = HeatmapGeometry.FigureSize(count, model.RowLabels.Count);
            var scale = Math.Min(1f, Math.Min(contentWidth / width, 430f / height));
            var start = first;
            pdf.Add(new CanvasBox(width * scale, height * scale, (canvas, rect) =>
            {
                canvas.Save();
                canvas.Translate(rect.Left, rect.Top);
                canvas.Scale(scale);
                ActivationHeatmap.Draw(canvas, SKRect.Create(0, 0, width, height), model, start, count, range, fontName());
                canvas.Restore();
            }, ActivationHeatmap.Texts(model)));
            pdf.Add(new Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Colour scale: Viridis from {range.Min:0.000} to {range.Max:0.000} mean activation, the same on every heatmap page. Blank cells: the feature has no prompt of that category. Cells give the mean activation rounded to three decimals, as the notebook prints it (7.2, 21.122). {document.HeatmapOrderNote} {document.SelectionNote}").TrimEnd(), TextStyle.Small));
        }
    }

    /// <summary>A chart drawn at the text's width, scaled from the size it is designed at.</summary>
    /// <param name="texts">The texts the chart draws, for the fonts' cut and the undrawable-character check.</param>
    private static void AddChart(PdfDocument pdf, float width, float height, Action<SKCanvas, SKRect> draw, IEnumerable<string> texts)
    {
        var scale = (pdf.Settings.PageSize.Width - (2 * pdf.Settings.Margin)) / width;
        pdf.Add(new CanvasBox(width * scale, height * scale, (canvas, rect) =>
        {
            canvas.Save();
            canvas.Translate(rect.Left, rect.Top);
            canvas.Scale(scale);
            draw(canvas, SKRect.Create(0, 0, width, height));
            canvas.Restore();
        }, texts));
    }

    private static void AddFeaturePage(PdfDocument pdf, FeaturePage page, Func<string?> fontName)
    {
        pdf.Add(new Heading(FeatureHeading(page), 1, page.Anchor) { NewPage = true });
        pdf.Add(new Paragraph($"{page.Type}: {page.Description}", new TextStyle(10)) { SpaceAfter = 3 });
        if (page.Link is { } link)
        {
            pdf.Add(new Paragraph(link, new TextStyle(8.5f) { Color = new SKColor(0x1a, 0x5f, 0xb4) }) { Link = link });
        }

        pdf.Add(new Table(page.Statistics));
        pdf.Add(new Spacer(6));

        pdf.Add(new Heading("Activation by category", 2, page.Anchor + "-categories"));
        var categories = page.Distribution;
        // The page's width: a category's prompts need room to spread.
        AddChart(pdf, DistributionPlot.Width, DistributionPlot.Height, (canvas, area) => DistributionPlot.Draw(canvas, area, categories, fontName()),
            [.. categories.Select(c => c.Label), "Prompt activation n ="]);
        pdf.Add(new Paragraph(FeaturePage.DistributionNote, TextStyle.Small));

        pdf.Add(new Heading("Category contrast", 2, page.Anchor + "-contrast"));
        pdf.Add(new Table(page.Contrast));
        pdf.Add(new Spacer(3));
        pdf.Add(new Paragraph(page.MostSpecific, new TextStyle(9)) { SpaceAfter = 6 });

        // The heading, its key and the first prompt's label and first line travel together: never a heading or a key
        // at the foot of a page whose prompts start on the next.
        pdf.Add(new Heading("Strongest prompts", 2, page.Anchor + "-prompts"));
        var scaleMax = page.ShadingMax;
        var hasPrompts = page.TopPrompts.Count > 0;
        pdf.Add(new HighlightedTokens(page.ShadingScale, scaleMax) { Style = new TextStyle(8), KeepWithNext = hasPrompts });
        pdf.Add(new Paragraph(page.ShadingKey, TextStyle.Small) { KeepWithNext = hasPrompts });
        foreach (var prompt in page.TopPrompts)
        {
            pdf.Add(new Paragraph(prompt.Caption, new TextStyle(8.5f, Bold: true)) { SpaceAfter = 1, KeepWithNext = true });
            pdf.Add(new HighlightedTokens(prompt.Tokens, scaleMax));
            pdf.Add(new Spacer(4));
        }

        if (page.TopTokens.Rows.Count > 0)
        {
            pdf.Add(new Heading("Tokens it fires on most", 2, page.Anchor + "-tokens"));
            pdf.Add(new Table(page.TopTokens));
        }
    }

    /// <summary>A feature section's heading, which its outline entry repeats.</summary>
    private static string FeatureHeading(FeaturePage page) => "Feature " + page.FeatureId;
}
