namespace Reports.Pipeline.Outputs;

/// <summary>
/// One file of a report. The pipeline gives each output a temporary stream and renames the file into place
/// only when every output succeeded. New formats (the PDF, the HTML) are new implementations.
/// </summary>
public interface IReportOutput
{
    /// <summary>The file name under the report's output directory.</summary>
    string FileName { get; }

    /// <summary>Whether the output is a rendering (skipped by a data-only run).</summary>
    bool IsRendering { get; }

    void Write(ReportContent content, Stream destination);
}
