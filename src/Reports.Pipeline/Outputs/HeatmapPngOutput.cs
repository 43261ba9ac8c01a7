using Reports.Rendering.Charts;

namespace Reports.Pipeline.Outputs;

/// <summary><c>heatmap.png</c>: mean activation per feature x prompt category, at twice the notebook's pixel size.</summary>
public sealed class HeatmapPngOutput : IReportOutput
{
    public string FileName => "heatmap.png";

    public bool IsRendering => true;

    public void Write(ReportContent content, Stream destination) =>
        ActivationHeatmap.SavePng(HeatmapModels.From(content.Analysis, content.HeatmapColumns), destination, scale: 2);
}
