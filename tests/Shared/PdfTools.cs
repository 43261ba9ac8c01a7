using System.Diagnostics;

namespace Reports.Tests;

/// <summary>Reads PDFs back with real PDF tools (poppler's pdftotext/pdffonts/pdfinfo, qpdf), not with the writer.</summary>
internal static class PdfTools
{
    public static string Text(string pdf, int? page = null, bool raw = false)
    {
        var pages = page is { } p ? $"-f {p} -l {p} " : "";
        return Run("pdftotext", $"{pages}{(raw ? "-raw " : "")}-enc UTF-8 \"{pdf}\" -");
    }

    public static int PageCount(string pdf) =>
        int.Parse(Run("pdfinfo", $"\"{pdf}\"").Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public static string Info(string pdf) => Run("pdfinfo", $"\"{pdf}\"");

    /// <summary>pdffonts' rows: name, whether embedded and whether subset.</summary>
    public static IReadOnlyList<(string Name, bool Embedded, bool Subset)> Fonts(string pdf) =>
        [.. Run("pdffonts", $"\"{pdf}\"").Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var columns = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (columns[0], columns[^5] == "yes", columns[^4] == "yes");
        })];

    /// <summary>pdfimages -list's rows: the page, pixel size and encoding ("jpeg", "image" for deflate, ...) of every image.</summary>
    public static IReadOnlyList<(int Page, int Width, int Height, string Encoding)> Images(string pdf) =>
        [.. Run("pdfimages", $"-list \"{pdf}\"").Split('\n').Skip(2).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var columns = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (Parse(columns[0]), Parse(columns[3]), Parse(columns[4]), columns[8]);
        })];

    /// <summary>qpdf --check's verdict: the exit code is 0 only for a file without errors.</summary>
    public static (int ExitCode, string Output) Check(string pdf) => RunWithExit("qpdf", $"--check \"{pdf}\"");

    /// <summary>One key of qpdf's JSON view of a PDF (outlines, pagelabels, ...), without what qpdf says on stderr.</summary>
    public static string QpdfJson(string pdf, string key)
    {
        var (exitCode, output, error) = RunSeparately("qpdf", $"--json --json-key={key} \"{pdf}\"");
        Assert.True(exitCode == 0, $"qpdf --json --json-key={key} exited {exitCode}: {error}");
        return output;
    }

    /// <summary>The PDF with uncompressed, readable objects (to look for annotations).</summary>
    public static string Uncompressed(string pdf)
    {
        var qdf = pdf + ".qdf";
        Run("qpdf", $"--qdf --object-streams=disable \"{pdf}\" \"{qdf}\"");
        return File.ReadAllText(qdf, System.Text.Encoding.Latin1);
    }

    /// <summary>A piece of text as poppler's pdftohtml places it: page, position, and whether its font is bold.</summary>
    public sealed record TextPiece(int Page, int Top, int Left, string Text, bool Bold);

    /// <summary>Every piece of text in reading order, from <c>pdftohtml -xml</c> (which marks bold fonts with &lt;b&gt;).</summary>
    public static IReadOnlyList<TextPiece> Pieces(string pdf)
    {
        // The output names a DTD file that is not there; it is not needed to read the elements.
        using var reader = System.Xml.XmlReader.Create(new StringReader(Run("pdftohtml", $"-xml -i -q -stdout \"{pdf}\"")),
            new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        var xml = System.Xml.Linq.XDocument.Load(reader);
        return [.. xml.Descendants("page").SelectMany(page => page.Elements("text").Select(text => new TextPiece(
            int.Parse(page.Attribute("number")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(text.Attribute("top")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(text.Attribute("left")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            text.Value,
            text.Element("b") is not null)))];
    }

    /// <summary>Collapses runs of whitespace, so text wrapped over lines compares with the original.</summary>
    public static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));

    private static int Parse(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string Run(string tool, string arguments)
    {
        var (exitCode, output) = RunWithExit(tool, arguments);
        Assert.True(exitCode == 0, $"{tool} {arguments} exited {exitCode}: {output}");
        return output;
    }

    private static (int, string) RunWithExit(string tool, string arguments)
    {
        var (exitCode, output, error) = RunSeparately(tool, arguments);
        return (exitCode, output + error);
    }

    private static (int ExitCode, string Output, string Error) RunSeparately(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        }) ?? throw new InvalidOperationException($"{tool} did not start; install poppler-utils and qpdf (.ci/run does).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
