using System.Globalization;
using Reports.Analysis;
using Reports.Analysis.Aggregation;
using Reports.Pipeline.Features;
using Reports.Rendering;
using Reports.Rendering.Report;
using static Reports.Pipeline.CellText;

namespace Reports.Pipeline.Outputs;

/// <summary>Fills the document model the PDF and the HTML share from an analysis and its inputs.</summary>
public static class ReportDocuments
{
    /// <summary>The notebook cut descriptions at this many characters in its hover text.</summary>
    public const int HoverDescriptionLength = 150;

    public static ReportDocument From(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var analysis = content.Analysis;
        var order = content.HeatmapOrder;
        var features = content.HeatmapColumns;
        var heatmap = HeatmapModels.From(analysis, features);
        var pages = content.FeaturePages;
        var withPage = pages.Select(p => p.FeatureId).ToHashSet();
        var hover = new string?[analysis.Labels.Count, features.Count];
        var c = 0;
        foreach (var row in analysis.Descriptions.ReadRows(features.Select(f => f.FeatureId)))
        {
            for (var r = 0; r < analysis.Labels.Count; r++)
            {
                hover[r, c] = features[c].ByLabel[r] is { } cell ? HoverText(features[c], row, analysis.Labels[r], cell.Mean) : null;
            }

            c++;
        }

        var totals = analysis.Totals;
        return new ReportDocument
        {
            Title = content.Request.DisplayTitle,
            DataDate = content.Request.SourceDate,
            Inputs = new TableModel(
                [new("File", 3), new("Role", 1.5f), new("Bytes", 1.5f, IsNumeric: true), new("SHA-256", 6)],
                [.. content.Inputs.Select(i => (IReadOnlyList<TableCell>)[i.FileName, i.Role, Integer(i.Bytes), i.Sha256 ?? "not computed"])]),
            Totals = CoverTotals(totals),
            Heatmap = heatmap,
            HeatmapHoverTexts = hover,
            LabelCounts = new TableModel(
                [new("Category", 2), new("Prompts", 1, IsNumeric: true), new("Share", 1, IsNumeric: true)],
                [.. analysis.LabelCounts.Select(l => (IReadOnlyList<TableCell>)[l.Label, Integer(l.Count), (100.0 * l.Count / Math.Max(1, totals.Prompts)).ToString("0.0", CultureInfo.InvariantCulture) + " %"])]),
            Describe = new TableModel(
                [new("Statistic", 1.2f), .. analysis.Describe.Select(d => new TableColumn(d.Label, 1, IsNumeric: true))],
                [.. DescribeRows(analysis)]),
            Features = FeatureTable(analysis, ListsEveryFeature(content) ? analysis.Features : content.Selection.Features, withPage),
            Catalog = FeatureCatalogs.From(analysis, content.Specificity, withPage),
            HeatmapOrderNote = HeatmapModels.OrderNote(order),
            SelectionNote = ListsEveryFeature(content) || !content.Selection.IsEveryFeature ? content.Selection.Rule
                : string.Create(CultureInfo.InvariantCulture, $"The description table lists the {content.Selection.Total:N0} features with prompts; the {analysis.Features.Count - content.Selection.Total:N0} described features without prompts are in report.html and features.csv."),
            FeaturePages = [.. pages.Zip(analysis.Descriptions.ReadRows(pages.Select(p => p.FeatureId)), analysis.Evidence.Read(pages, content.Request.TopPrompts))
                .Select(page => FeaturePages.From(page.First, page.Second, analysis.Labels, page.Third))],
            Warnings = [.. analysis.Warnings.Select(w => $"{w.Code}: {Path.GetFileName(w.File)} line {w.Line}: {w.Message}")],
            Overview = content.Overview.Columns.Count > 0 ? content.Overview : null,
            OverviewNote = OverviewModels.Caption(content.Overview, heatmap.ValueRange()),
            CategorySummary = CategorySummaries.Table(analysis, content.Specificity),
            CategorySummaryNote = CategorySummaries.Note,
            CategoryContrasts = CategorySummaries.Boxes(analysis, content.Specificity),
            Changes = ChangesSections.From(content),
        };
    }

    /// <summary>
    /// The notebook's hover text, line for line (its lines joined by "&lt;br&gt;" there, by a line feed here): feature id,
    /// prompt category, the mean as Python's <c>:.4f</c>, feature type and the description cut at 150 characters (code
    /// points, as Python counts them) with "...".
    /// </summary>
    /// <param name="row">The feature's description row, read back from the descriptions file; null without one.</param>
    public static string HoverText(FeatureSummary feature, FeatureDescription? row, string label, double mean)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var description = row?.ClaudeDesc;
        description = string.IsNullOrEmpty(description) ? "No description available" : FirstCodePoints(description, HoverDescriptionLength);
        var type = row?.ClaudeType is { Length: > 0 } claudeType ? claudeType : "Unknown";
        return string.Create(CultureInfo.InvariantCulture,
            $"Feature ID: {feature.FeatureId}\nPrompt Category: {label}\nMean Activation: {PythonFormat.Fixed(mean, 4)}\nFeature Type: {type}\nDescription: {description}");
    }

    /// <summary>Python's <c>text[:count] + '...'</c> when the text is longer, counting code points as Python does.</summary>
    private static string FirstCodePoints(string text, int count)
    {
        var end = 0;
        for (var i = 0; i < count; i++)
        {
            if (end >= text.Length)
            {
                return text;
            }

            end += char.IsSurrogatePair(text, end) ? 2 : 1;
        }

        return end >= text.Length ? text : text[..end] + "...";
    }

    /// <summary>Whether the PDF's table lists every feature of either input: the heatmap's are all and the rest fit the count too.</summary>
    private static bool ListsEveryFeature(ReportContent content) =>
        content.Selection.IsEveryFeature && content.Analysis.Features.Count <= content.Selection.Budget;

    /// <summary>The cover's totals; how many features are described and how many records there are only where they differ from the features.</summary>
    private static IReadOnlyList<(string Label, string Value)> CoverTotals(AnalysisTotals totals) =>
    [
        ("Features", Integer(totals.Features)),
        .. totals.FeaturesDescribed != totals.Features ? [("Features described", Integer(totals.FeaturesDescribed))] : Array.Empty<(string, string)>(),
        .. totals.FeatureRecords != totals.Features ? [("Feature records", Integer(totals.FeatureRecords))] : Array.Empty<(string, string)>(),
        ("Active prompts", Integer(totals.Prompts)),
        ("Prompt categories", Integer(totals.Labels)),
    ];

    /// <summary>The description table: its rows' texts read back in one pass over the descriptions file.</summary>
    private static TableModel FeatureTable(ActivationAnalysis analysis, IReadOnlyList<FeatureSummary> features, HashSet<long> withPage) => new(
        [
            new("Feature", 1, IsNumeric: true), new("Type", 1.3f), new("Description", 7), new("General mean", 1.2f, IsNumeric: true),
            new("General max", 1.2f, IsNumeric: true), new("General min", 1.2f, IsNumeric: true), new("Personal mean", 1.2f, IsNumeric: true),
            new("Cohen's d", 1.1f, IsNumeric: true), new("Prompts", 1, IsNumeric: true), new("Link", 3),
        ],
        [.. features.Zip(analysis.Descriptions.ReadRows(features.Select(f => f.FeatureId)), (f, d) => FeatureRow(f, d, withPage.Contains(f.FeatureId)))]);

    private static IReadOnlyList<TableCell> FeatureRow(FeatureSummary feature, FeatureDescription? d, bool hasPage)
    {
        var id = feature.FeatureId.ToString(CultureInfo.InvariantCulture);
        return
        [
            hasPage ? new TableCell(id, "#" + FeaturePages.Anchor(feature.FeatureId)) : id,
            DescriptionTexts.Type(d),
            DescriptionTexts.Description(d),
            FileNumber(d, d?.GeneralActivationMean), FileNumber(d, d?.GeneralActivationMax), FileNumber(d, d?.GeneralActivationMin),
            FileNumber(d, d?.PersonalMean), FileNumber(d, d?.PersonalCohensD, "0.00"),
            Integer(feature.PromptCount),
            d is null ? "" : new TableCell(d.Link, d.Link),
        ];
    }

    private static IEnumerable<IReadOnlyList<TableCell>> DescribeRows(ActivationAnalysis analysis)
    {
        var names = analysis.Describe.Count == 0 ? [] : analysis.Describe[0].Summary.Rows().Select(r => r.Name).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var index = i;
            yield return [names[i], .. analysis.Describe.Select(d => (TableCell)Number(d.Summary.Rows().ElementAt(index).Value, index == 0 ? "0" : "0.000"))];
        }
    }
}
