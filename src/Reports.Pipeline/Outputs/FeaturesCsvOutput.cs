using System.Text;
using Reports.Analysis;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>features.csv</c>: one row per feature of either input, in feature-id order, with what the report knows of it as a
/// whole: its prompt count and activation statistics over all its prompts, the category it is most specific to
/// (<see cref="FeatureSpecificity"/>), and the description row's statistics and short labels. A table pandas and DuckDB
/// load directly, where summary.json stays the size of a summary at any SAE width. The description's long texts are not
/// repeated: they are in the descriptions file, one join on <c>feature_id</c> away.
/// </summary>
/// <remarks>
/// Written as pandas' <c>to_csv</c> writes a frame: a missing value is an empty cell, infinities are <c>inf</c> and
/// <c>-inf</c>, other numbers in shortest round-trip form, booleans <c>true</c>/<c>false</c>; RFC 4180 quoting, UTF-8
/// without a byte order mark, LF line ends. Streamed row by row.
/// </remarks>
public sealed class FeaturesCsvOutput : IReportOutput
{
    public const string Name = "features.csv";

    /// <summary>The header, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "feature_id", "described", "num_prompts",
        "activation_mean", "activation_std", "activation_min", "activation_max",
        "most_specific_category", "most_specific_cohens_d", "most_specific_mean_difference",
        "type", "claude_type", "token",
        "general_activation_mean", "general_activation_max", "general_activation_min", "personal_mean", "personal_cohens_d",
        "description_num_prompts",
    ];

    public string FileName => Name;

    public bool IsRendering => false;

    public void Write(ReportContent content, Stream destination)
    {
        var analysis = content.Analysis;
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns));
        // The description rows' texts are read back in one pass over the descriptions file, in feature-id order.
        var i = 0;
        foreach (var row in analysis.Descriptions.ReadRows(analysis.Features.Select(f => f.FeatureId)))
        {
            WriteRow(writer, analysis.Features[i], row, content.Specificity[i], analysis.Labels);
            i++;
        }
    }

    private static void WriteRow(TextWriter writer, FeatureSummary feature, FeatureDescription? row, FeatureSpecificity specific, IReadOnlyList<string> labels)
    {
        CsvText.Write(writer, feature.FeatureId);
        writer.Write(',');
        writer.Write(row is null ? "false" : "true");
        writer.Write(',');
        CsvText.Write(writer, feature.PromptCount);

        // Every prompt of the feature: its labels merged in label order, as FeatureSpecificity merges "the rest".
        var all = new RunningStatistics();
        foreach (var cell in feature.ByLabel)
        {
            if (cell is { } statistics)
            {
                all.Merge(statistics);
            }
        }

        WriteNumber(writer, all.Mean);
        WriteNumber(writer, all.StandardDeviation);
        WriteNumber(writer, all.Count == 0 ? null : all.Min);
        WriteNumber(writer, all.Count == 0 ? null : all.Max);

        writer.Write(',');
        if (specific.LabelIndex >= 0)
        {
            CsvText.WriteField(writer, labels[specific.LabelIndex]);
        }

        WriteNumber(writer, specific.CohensD);
        WriteNumber(writer, specific.LabelIndex >= 0 ? specific.MeanDifference : null);

        WriteText(writer, row?.Type);
        WriteText(writer, row?.ClaudeType);
        WriteText(writer, row?.Token);
        WriteNumber(writer, row?.GeneralActivationMean);
        WriteNumber(writer, row?.GeneralActivationMax);
        WriteNumber(writer, row?.GeneralActivationMin);
        WriteNumber(writer, row?.PersonalMean);
        WriteNumber(writer, row?.PersonalCohensD);
        writer.Write(',');
        if (row?.NumPrompts is { } stated)
        {
            CsvText.Write(writer, stated);
        }

        writer.WriteLine();
    }

    /// <summary>A comma, then the text; nothing after the comma when missing.</summary>
    private static void WriteText(TextWriter writer, string? value)
    {
        writer.Write(',');
        if (value is not null)
        {
            CsvText.WriteField(writer, value);
        }
    }

    /// <summary>A comma, then the number as pandas writes it: empty for missing or NaN, <c>inf</c>/<c>-inf</c> for infinities.</summary>
    private static void WriteNumber(TextWriter writer, double? value)
    {
        writer.Write(',');
        switch (value)
        {
            case null or double.NaN:
                break;
            case double.PositiveInfinity:
                writer.Write("inf");
                break;
            case double.NegativeInfinity:
                writer.Write("-inf");
                break;
            default:
                CsvText.Write(writer, value.Value);
                break;
        }
    }
}
