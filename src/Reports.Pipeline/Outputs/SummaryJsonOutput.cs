using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Analysis.Diagnostics;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>summary.json</c>: the report's numbers for other tools: input files (size, SHA-256), totals, prompt
/// counts per label, pandas' describe() of the mean-activation table, the names of the per-feature tables, and the
/// consistency warnings. Its size is bounded by the number of labels, not of features: what is per feature is in
/// features.csv, aggregate.csv and tokens.csv. NaN (e.g. the std of one value) is written as null.
/// </summary>
public sealed class SummaryJsonOutput : IReportOutput
{
    /// <summary>Warnings listed per code; the rest are counted.</summary>
    public const int WarningsListedPerCode = 20;

    public string FileName => "summary.json";

    public bool IsRendering => false;

    public void Write(ReportContent content, Stream destination)
    {
        var analysis = content.Analysis;
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("report", content.Request.Name);
        json.WriteString("title", content.Request.DisplayTitle);

        json.WriteStartArray("inputs");
        foreach (var input in content.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("role", input.Role);
            json.WriteString("file", input.FileName);
            json.WriteNumber("bytes", input.Bytes);
            json.WriteString("sha256", input.Sha256); // null when not computed
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var totals = analysis.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("features_described", totals.FeaturesDescribed);
        json.WriteNumber("feature_records", totals.FeatureRecords);
        json.WriteNumber("features", totals.Features);
        json.WriteNumber("prompts", totals.Prompts);
        json.WriteNumber("labels", totals.Labels);
        json.WriteEndObject();

        json.WriteStartObject("label_counts");
        foreach (var (label, count) in analysis.LabelCounts)
        {
            json.WriteNumber(label, count);
        }

        json.WriteEndObject();

        json.WriteStartObject("describe");
        foreach (var (label, summary) in analysis.Describe)
        {
            json.WriteStartObject(label);
            foreach (var (name, value) in summary.Rows())
            {
                WriteNumber(json, name, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();

        // The per-feature tables, by what a row is: summary.json itself stays bounded by the number of labels.
        json.WriteStartObject("tables");
        json.WriteString("features", FeaturesCsvOutput.Name);
        json.WriteString("features_by_label", new AggregateCsvOutput().FileName);
        json.WriteString("feature_tokens", new TokensCsvOutput().FileName);
        json.WriteEndObject();

        WriteWarnings(json, analysis.Warnings);
        json.WriteEndObject();
    }

    /// <summary>
    /// Each code's count, and its first <see cref="WarningsListedPerCode"/> warnings in the order they were reported: a
    /// warning can be per feature (RPT101-RPT105), and a million features must not make a million entries. The build log
    /// has them all, and features.csv the facts behind the per-feature ones.
    /// </summary>
    private static void WriteWarnings(Utf8JsonWriter json, IReadOnlyList<ReportDiagnostic> warnings)
    {
        var counts = warnings.CountBy(w => w.Code).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
        json.WriteStartObject("warning_counts");
        foreach (var (code, count) in counts)
        {
            json.WriteNumber(code, count);
        }

        json.WriteEndObject();

        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        json.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            listed[warning.Code] = listed.GetValueOrDefault(warning.Code) + 1;
            if (listed[warning.Code] > WarningsListedPerCode)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("code", warning.Code);
            json.WriteString("file", Path.GetFileName(warning.File));
            json.WriteNumber("line", warning.Line);
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
