using Reports.Rendering.Report;

namespace Reports.Pipeline.Outputs;

/// <summary><c>report.pdf</c>: the hand-off document (cover, heatmap pages, tables), with subset fonts.</summary>
public sealed class PdfReportOutput : IReportOutput
{
    public string FileName => "report.pdf";

    public bool IsRendering => true;

    public void Write(ReportContent content, Stream destination) => PdfReportWriter.Write(content.Document, destination);
}
