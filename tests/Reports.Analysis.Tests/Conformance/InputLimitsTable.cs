using System.Text;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>The markdown table of <see cref="ImplementationDefinedOutcomes"/> that docs/input-limits.md shows.</summary>
internal static class InputLimitsTable
{
    public static string Markdown()
    {
        var table = new StringBuilder();
        table.Append("| document | as a whole line | as a string field's value | as an unknown field's value | as `prompt_feature_activation` |\n");
        table.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var row in ImplementationDefinedOutcomes.Table)
        {
            table.Append($"| `{row.Document}` | {Cell(row.WholeLine)} | {Cell(row.StringValue)} | {Cell(row.UnknownField)} | {Cell(row.Activation)} |\n");
        }

        return table.ToString();
    }

    private static string Cell(string? outcome) => outcome ?? "(not placed)";
}
