using System.Globalization;
using System.Text;
using Reports.Analysis.Diagnostics;
using static Reports.Pipeline.CellText;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>summary.md</c>: the report at a glance for a build server's job page (GitHub's step summary, Azure DevOps' build
/// summary): title, inputs with their SHA-256, totals, prompts per category, the warnings counted with the first few
/// listed, and the files written. Bounded by the number of categories, never by the features, so it stays readable on
/// a job page at any width; the same inputs give the same bytes (no clock: the only date is the report's own).
/// </summary>
public sealed class SummaryMarkdownOutput : IReportOutput
{
    /// <summary>Warnings listed; summary.json and the build log have more of each code.</summary>
    public const int WarningsListed = 10;

    public const string Name = "summary.md";

    public string FileName => Name;

    public bool IsRendering => false;

    public void Write(ReportContent content, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.Write(Markdown(content));
    }

    /// <summary>The summary's text, LF line ends.</summary>
    private static string Markdown(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var request = content.Request;
        var analysis = content.Analysis;
        var totals = analysis.Totals;
        var text = new StringBuilder();
        text.Append("# ").Append(MarkdownText.Escape(request.DisplayTitle)).Append("\n\n");
        text.Append("Activation report ").Append(MarkdownText.Escape(request.Name));
        if (request.SourceDate is { } date)
        {
            // As the cover states it: the date of the data, from SOURCE_DATE_EPOCH.
            text.Append(", date of the data ").Append(date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        text.Append(".\n\n");
        var withPrompts = analysis.Features.Count(f => f.HasPrompts);
        text.Append(string.Create(CultureInfo.InvariantCulture,
            $"**Totals:** {Integer(totals.Features)} features ({Integer(withPrompts)} with prompts, {Integer(totals.FeaturesDescribed)} described), {Integer(totals.Prompts)} prompts in {Integer(totals.Labels)} categories, {Integer(totals.FeatureRecords)} records.\n\n"));

        if (ChangesSections.From(content) is { } changes)
        {
            AppendChanges(text, changes);
        }

        text.Append("## Inputs\n\n| File | Role | Bytes | SHA-256 |\n| --- | --- | ---: | --- |\n");
        foreach (var input in content.Inputs)
        {
            text.Append("| ").Append(MarkdownText.Escape(input.FileName))
                .Append(" | ").Append(MarkdownText.Escape(input.Role))
                .Append(" | ").Append(Integer(input.Bytes))
                .Append(" | ").Append(input.Sha256 is { } sha ? "`" + sha + "`" : "not computed").Append(" |\n");
        }

        text.Append("\n## Prompts per category\n\n");
        if (analysis.LabelCounts.Count == 0)
        {
            text.Append("No prompts.\n");
        }
        else
        {
            text.Append("| Category | Prompts | Share |\n| --- | ---: | ---: |\n");
            foreach (var (label, count) in analysis.LabelCounts)
            {
                // As the PDF's table shows them (ReportDocuments.LabelCounts).
                var share = (100.0 * count / Math.Max(1, totals.Prompts)).ToString("0.0", CultureInfo.InvariantCulture) + " %";
                text.Append("| ").Append(MarkdownText.Escape(label)).Append(" | ").Append(Integer(count)).Append(" | ").Append(share).Append(" |\n");
            }
        }

        text.Append("\n## Warnings\n\n");
        AppendWarnings(text, analysis.Warnings);

        text.Append("\n## Files\n\n");
        foreach (var name in ReportPipeline.OutputFileNames(request.Render))
        {
            text.Append("- ").Append(MarkdownText.Escape(name)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The changes since the previous build: the report's section, its tables as Markdown (the trend as its table).</summary>
    private static void AppendChanges(StringBuilder text, Reports.Rendering.Report.ChangesSection changes)
    {
        text.Append("## Changes since the previous build\n\n").Append(MarkdownText.Escape(changes.Summary)).Append("\n\n");
        foreach (var part in changes.Parts)
        {
            text.Append("### ").Append(MarkdownText.Escape(part.Title)).Append("\n\n").Append(MarkdownText.Escape(part.Note)).Append("\n\n");
            if (part.Table is { } table)
            {
                text.Append('|');
                foreach (var column in table.Columns)
                {
                    text.Append(' ').Append(MarkdownText.Escape(column.Header)).Append(" |");
                }

                text.Append("\n|");
                foreach (var column in table.Columns)
                {
                    text.Append(column.IsNumeric ? " ---: |" : " --- |");
                }

                text.Append('\n');
                foreach (var row in table.Rows)
                {
                    text.Append('|');
                    foreach (var cell in row)
                    {
                        text.Append(' ').Append(MarkdownText.Escape(cell.Text)).Append(" |");
                    }

                    text.Append('\n');
                }

                text.Append('\n');
            }
        }

        AppendTrendCharts(text, changes.Trend);
    }

    /// <summary>
    /// The trend as charts a job page draws: Mermaid's xychart, which GitHub renders in a step summary (elsewhere the
    /// block shows as text, beside the table that has the same numbers). One chart a series: xychart has no legend.
    /// </summary>
    private static void AppendTrendCharts(StringBuilder text, Reports.Rendering.Charts.TrendModel? trend)
    {
        if (trend is null || trend.Points.Count < 2)
        {
            return;
        }

        var points = string.Join(", ", trend.Points.Select(p => "\"" + p.Replace("\"", "'", StringComparison.Ordinal) + "\""));
        foreach (var series in trend.Series)
        {
            text.Append("```mermaid\nxychart-beta\n    title \"").Append(series.Name).Append(" per build\"\n    x-axis [").Append(points).Append("]\n    line [")
                .Append(string.Join(", ", series.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append("]\n```\n\n");
        }
    }

    /// <summary>The count, per code, then the first <see cref="WarningsListed"/> in the order they were reported, and what is left out.</summary>
    private static void AppendWarnings(StringBuilder text, IReadOnlyList<ReportDiagnostic> warnings)
    {
        if (warnings.Count == 0)
        {
            text.Append("None.\n");
            return;
        }

        var counts = warnings.CountBy(w => w.Code).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{MarkdownText.Escape(c.Key)} {Integer(c.Value)}"));
        text.Append(string.Create(CultureInfo.InvariantCulture, $"{Integer(warnings.Count)} {(warnings.Count == 1 ? "warning" : "warnings")}: "))
            .AppendJoin(", ", counts).Append(".\n\n");
        foreach (var warning in warnings.Take(WarningsListed))
        {
            text.Append("- ").Append(MarkdownText.Escape(warning.Code)).Append(' ');
            if (warning.File is { } file)
            {
                text.Append(MarkdownText.Escape(Path.GetFileName(file)));
                if (warning.Line > 0)
                {
                    text.Append(" line ").Append(warning.Line.ToString(CultureInfo.InvariantCulture));
                }

                text.Append(": ");
            }

            text.Append(MarkdownText.Escape(warning.Message)).Append('\n');
        }

        if (warnings.Count > WarningsListed)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"\n_{Integer(warnings.Count - WarningsListed)} more not listed here: summary.json and the build log list the first {SummaryJsonOutput.WarningsListedPerCode} of each code and count the rest._\n"));
        }
    }
}
