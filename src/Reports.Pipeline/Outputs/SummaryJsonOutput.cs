using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Analysis;
using Reports.Analysis.Aggregation;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>summary.json</c>: the report's numbers for other tools: input files (size, SHA-256), totals, prompt
/// counts per label, pandas' describe() of the mean-activation table, each feature's statistics per label,
/// and the consistency warnings. NaN (e.g. the std of one value) is written as null.
/// </summary>
public sealed class SummaryJsonOutput : IReportOutput
{
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

        json.WriteStartArray("features");
        foreach (var feature in analysis.Features)
        {
            WriteFeature(json, feature, analysis.Labels);
            if (json.BytesPending > 1 << 16)
            {
                // Utf8JsonWriter keeps everything until flushed: a 20 MB summary would sit in memory whole.
                json.Flush();
            }
        }

        json.WriteEndArray();

        json.WriteStartArray("warnings");
        foreach (var warning in analysis.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("code", warning.Code);
            json.WriteString("file", Path.GetFileName(warning.File));
            json.WriteNumber("line", warning.Line);
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFeature(Utf8JsonWriter json, FeatureSummary feature, IReadOnlyList<string> labels)
    {
        json.WriteStartObject();
        json.WriteNumber("feature_id", feature.FeatureId);
        json.WriteBoolean("described", feature.Description is not null);
        json.WriteNumber("num_prompts", feature.PromptCount);
        WriteDescriptionNumbers(json, feature.Description);
        json.WriteStartObject("labels");
        for (var l = 0; l < labels.Count; l++)
        {
            if (feature.ByLabel[l] is not { } cell)
            {
                continue;
            }

            json.WriteStartObject(labels[l]);
            json.WriteNumber("count", cell.Count);
            WriteNumber(json, "mean", cell.Mean);
            WriteNumber(json, "std", cell.StandardDeviation);
            WriteNumber(json, "min", cell.Min);
            WriteNumber(json, "max", cell.Max);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("top_tokens");
        foreach (var token in feature.Evidence?.TopTokens(Features.FeaturePages.TopTokenCount) ?? [])
        {
            json.WriteStartObject();
            json.WriteString("token", token.Token);
            json.WriteNumber("occurrences", token.Occurrences);
            WriteNumber(json, "mean_activation", token.MeanActivation);
            WriteNumber(json, "max_activation", token.MaxActivation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The description row's numbers under their column names, null where the row leaves one missing or infinite (as
    /// pandas' <c>to_json</c> writes NaN and infinities); the whole object null without a row.
    /// </summary>
    private static void WriteDescriptionNumbers(Utf8JsonWriter json, FeatureDescription? row)
    {
        if (row is null)
        {
            json.WriteNull("description");
            return;
        }

        json.WriteStartObject("description");
        WriteNumber(json, "general_activation_mean", row.GeneralActivationMean);
        WriteNumber(json, "general_activation_max", row.GeneralActivationMax);
        WriteNumber(json, "general_activation_min", row.GeneralActivationMin);
        WriteNumber(json, "personal_mean", row.PersonalMean);
        WriteNumber(json, "personal_cohens_d", row.PersonalCohensD);
        if (row.NumPrompts is { } stated)
        {
            json.WriteNumber("num_prompts", stated);
        }
        else
        {
            json.WriteNull("num_prompts");
        }

        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value) => WriteNumber(json, name, value ?? double.NaN);

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
