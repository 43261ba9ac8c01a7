using System.Text;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>aggregate.csv</c>: the notebook's heatmap table, one row per (feature, prompt label) with prompts:
/// <c>feature_id,prompt_label,mean_activation,num_prompts</c>, in feature-id then ordinal label order.
/// Means are written in shortest round-trip form, so the file carries the exact doubles.
/// </summary>
public sealed class AggregateCsvOutput : IReportOutput
{
    public string FileName => "aggregate.csv";

    public bool IsRendering => false;

    public void Write(ReportContent content, Stream destination)
    {
        var analysis = content.Analysis;
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("feature_id,prompt_label,mean_activation,num_prompts");
        foreach (var feature in analysis.HeatmapFeatures)
        {
            for (var l = 0; l < analysis.Labels.Count; l++)
            {
                if (feature.ByLabel[l] is { } cell)
                {
                    CsvText.Write(writer, feature.FeatureId);
                    writer.Write(',');
                    CsvText.WriteField(writer, analysis.Labels[l]);
                    writer.Write(',');
                    CsvText.Write(writer, cell.Mean);
                    writer.Write(',');
                    CsvText.Write(writer, cell.Count);
                    writer.WriteLine();
                }
            }
        }
    }
}
