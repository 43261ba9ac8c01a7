using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace Reports.Bench;

/// <summary>What a report run wrote, measured: the sizes a reader meets at this width.</summary>
public sealed record ReportFiles(long PdfBytes, int PdfPages, long HtmlBytes, int PngWidth, int PngHeight, long SummaryBytes, long FeaturesCsvBytes)
{
    public static ReportFiles Of(string directory)
    {
        var png = File.ReadAllBytes(Path.Combine(directory, "heatmap.png")).AsSpan(16, 8);
        return new ReportFiles(
            Length(directory, "report.pdf"),
            CountPages(Path.Combine(directory, "report.pdf")),
            Length(directory, "report.html"),
            BinaryPrimitives.ReadInt32BigEndian(png),
            BinaryPrimitives.ReadInt32BigEndian(png[4..]),
            Length(directory, "summary.json"),
            Length(directory, "features.csv"));
    }

    private static long Length(string directory, string name) => new FileInfo(Path.Combine(directory, name)) is { Exists: true } file ? file.Length : -1;

    /// <summary>The page count pdfinfo (poppler-utils) reads; -1 without it.</summary>
    private static int CountPages(string path)
    {
        try
        {
            var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return line is null ? -1 : int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
