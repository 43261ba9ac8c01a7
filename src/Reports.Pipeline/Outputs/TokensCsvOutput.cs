using System.Globalization;
using System.Text;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>tokens.csv</c>: per feature, the tokens it fires on most (from the prompts' per-token data):
/// <c>feature_id,token,occurrences,mean_activation,max_activation</c>, most frequent first, for other tools to use.
/// </summary>
public sealed class TokensCsvOutput : IReportOutput
{
    /// <summary>Tokens listed per feature: all the aggregation keeps.</summary>
    public const int TokensPerFeature = Reports.Analysis.Evidence.FeatureEvidence.TokensKept;

    public string FileName => "tokens.csv";

    public bool IsRendering => false;

    public void Write(ReportContent content, Stream destination)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("feature_id,token,occurrences,mean_activation,max_activation");
        foreach (var feature in content.Analysis.Features)
        {
            foreach (var token in feature.Evidence?.TopTokens(TokensPerFeature) ?? [])
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{feature.FeatureId},{CsvField(token.Token)},{token.Occurrences},{token.MeanActivation:R},{token.MaxActivation:R}"));
            }
        }
    }

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes.</summary>
    internal static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
