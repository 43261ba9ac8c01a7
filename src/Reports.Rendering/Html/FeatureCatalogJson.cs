using System.Text.Json;
using Reports.Rendering.Report;

namespace Reports.Rendering.Html;

/// <summary>
/// The catalogue of every feature as the page's JSON: one array per column, aligned with <c>id</c>; the feature x
/// category columns (<c>labelMean</c>, <c>labelCount</c>, <c>labelCohensD</c>) feature-major, <c>labels.length</c> values
/// per feature. Missing numbers are null; <c>type</c>, <c>sourceType</c> and <c>token</c> are coded
/// (<see cref="JsonColumns.Coded"/>).
/// </summary>
internal static class FeatureCatalogJson
{
    /// <summary>The element id the page reads the catalogue from.</summary>
    public const string ElementId = "feature-data";

    /// <summary>Bumped when a key changes meaning, so a reader of the file can tell.</summary>
    public const int Version = 1;

    /// <summary>
    /// Digits kept of the statistics this report computes (means, Cohen's d): the page shows three decimals, and every
    /// further digit makes a wide report's page markedly larger.
    /// </summary>
    public const int ComputedDigits = 6;

    /// <param name="textWritten">Told each text of the catalogue written (its columns may be read from a file as they are written).</param>
    public static void Write(Utf8JsonWriter json, FeatureCatalog catalog, Action<string>? textWritten = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(catalog);
        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteNumber("count", catalog.Count);
        JsonColumns.Texts(json, "labels", catalog.Labels, textWritten);
        JsonColumns.Integers(json, "id", catalog.Ids);
        JsonColumns.Flags(json, "described", catalog.Described);
        JsonColumns.Coded(json, "type", catalog.Types, textWritten);
        JsonColumns.Coded(json, "sourceType", catalog.SourceTypes, textWritten);
        JsonColumns.Coded(json, "token", catalog.Tokens, textWritten);
        JsonColumns.Texts(json, "description", catalog.Descriptions, textWritten);
        JsonColumns.Texts(json, "link", catalog.Links, textWritten);
        JsonColumns.Numbers(json, "generalMean", catalog.GeneralMeans);
        JsonColumns.Numbers(json, "generalMax", catalog.GeneralMaxima);
        JsonColumns.Numbers(json, "generalMin", catalog.GeneralMinima);
        JsonColumns.Numbers(json, "personalMean", catalog.PersonalMeans);
        JsonColumns.Numbers(json, "personalCohensD", catalog.PersonalCohensD);
        JsonColumns.Integers(json, "statedPrompts", catalog.StatedPromptCounts);
        JsonColumns.Integers(json, "prompts", catalog.PromptCounts);
        JsonColumns.Integers(json, "mostSpecific", catalog.MostSpecificLabels);
        JsonColumns.Numbers(json, "mostSpecificD", catalog.MostSpecificCohensD, ComputedDigits);
        JsonColumns.Numbers(json, "labelMean", catalog.MeansByLabel, ComputedDigits);
        JsonColumns.Integers(json, "labelCount", catalog.CountsByLabel);
        JsonColumns.Numbers(json, "labelCohensD", catalog.CohensDByLabel, ComputedDigits);
        JsonColumns.Flags(json, "section", catalog.HasSection);
        json.WriteEndObject();
    }
}
