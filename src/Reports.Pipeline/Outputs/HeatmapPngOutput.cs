using Reports.Rendering.Charts;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// <c>heatmap.png</c>: mean activation per feature x prompt category, at twice the notebook's pixel size up to 16,000
/// pixels wide, at its pixel size past that; when the heatmap shows a selection, the overview of every feature under it
/// (<see cref="HeatmapPng"/>).
/// </summary>
public sealed class HeatmapPngOutput : IReportOutput
{
    public string FileName => "heatmap.png";

    public bool IsRendering => true;

    public void Write(ReportContent content, Stream destination) =>
        HeatmapPng.Save(HeatmapModels.From(content.Analysis, content.HeatmapColumns), content.Overview.Columns.Count > 0 ? content.Overview : null,
            appendOverview: !content.Selection.IsEveryFeature, destination);
}
