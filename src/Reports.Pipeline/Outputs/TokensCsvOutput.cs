using System.Text;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>tokens.csv</c>: per feature, the tokens it fires on most (from the prompts' per-token data):
/// <c>feature_id,token,occurrences,mean_activation,max_activation</c>, most frequent first, for other tools to use.
/// </summary>
public sealed class TokensCsvOutput : IReportOutput
{
    /// <summary>Tokens listed per feature: all the aggregation keeps.</summary>
    public const int TokensPerFeature = Reports.Analysis.Aggregation.FeatureTally.TokensKept;

    public string FileName => "tokens.csv";

    public bool IsRendering => false;

    public void Write(ReportContent content, Stream destination)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("feature_id,token,occurrences,mean_activation,max_activation");
        foreach (var feature in content.Analysis.Features)
        {
            foreach (var token in feature.TopTokens(TokensPerFeature))
            {
                CsvText.Write(writer, feature.FeatureId);
                writer.Write(',');
                CsvText.WriteField(writer, token.Token);
                writer.Write(',');
                CsvText.Write(writer, token.Occurrences);
                writer.Write(',');
                CsvText.Write(writer, token.MeanActivation);
                writer.Write(',');
                CsvText.Write(writer, token.MaxActivation);
                writer.WriteLine();
            }
        }
    }
}
