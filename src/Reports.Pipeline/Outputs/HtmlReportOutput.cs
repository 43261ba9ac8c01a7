using System.Text;
using Reports.Rendering.Html;

namespace Reports.Pipeline.Outputs;

/// <summary><c>report.html</c>: the self-contained, offline page with the heatmap's hover texts and the tables.</summary>
public sealed class HtmlReportOutput : IReportOutput
{
    public string FileName => "report.html";

    public bool IsRendering => true;

    public void Write(ReportContent content, Stream destination)
    {
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        HtmlReportWriter.Write(content.Document, writer);
    }
}
