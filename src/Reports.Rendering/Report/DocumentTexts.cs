using System.Globalization;

namespace Reports.Rendering.Report;

/// <summary>Every text a report document prints, with a place a reader can find it by ("feature 575's section, prompt #2").</summary>
public static class DocumentTexts
{
    public static IEnumerable<(string Place, string Text)> Of(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        yield return ("the title", document.Title);
        foreach (var label in document.Heatmap.RowLabels)
        {
            yield return ("the category names", label);
        }

        foreach (var (place, text) in Table(document.Features, "the feature-description table"))
        {
            yield return (place, text);
        }

        foreach (var warning in document.Warnings)
        {
            yield return ("the warnings", warning);
        }

        if (document.Changes is { } changes)
        {
            // The changes quote the data (categories, a description now, a label): what the fonts may not draw.
            yield return ("the changes since the previous build", changes.Summary);
            foreach (var part in changes.Parts)
            {
                yield return ($"the changes since the previous build, {part.Title}", part.Note);
                foreach (var (place, text) in part.Table is { } table ? Table(table, $"the changes since the previous build, {part.Title}") : [])
                {
                    yield return (place, text);
                }
            }
        }

        foreach (var page in document.FeaturePages)
        {
            var section = $"feature {page.FeatureId}'s section";
            yield return (section + ", its type", page.Type);
            yield return (section + ", its description", page.Description);
            if (page.Link is { } link)
            {
                yield return (section + ", its link", link);
            }

            foreach (var prompt in page.TopPrompts)
            {
                var place = string.Create(CultureInfo.InvariantCulture, $"{section}, strongest prompt #{prompt.Rank} (prompt {prompt.PromptId})");
                yield return (place, prompt.Caption);
                foreach (var token in prompt.Tokens)
                {
                    yield return (place, token.Text);
                }
            }

            foreach (var (place, text) in Table(page.TopTokens, section + ", its top tokens"))
            {
                yield return (place, text);
            }
        }
    }

    private static IEnumerable<(string Place, string Text)> Table(TableModel table, string name)
    {
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < row.Count && c < table.Columns.Count; c++)
            {
                yield return ($"{name}, row {row[0].Text}, column {table.Columns[c].Header}", row[c].Text);
            }
        }
    }
}
