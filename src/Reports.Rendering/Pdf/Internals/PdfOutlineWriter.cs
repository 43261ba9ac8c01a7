using System.Globalization;
using System.Text;

namespace Reports.Rendering.Pdf.Internals;

/// <summary>
/// Adds an outline (bookmarks) and page labels to a PDF Skia wrote, which has no API for either, as a standard
/// incremental update (PDF 32000-1, 7.5.6) appended after Skia's bytes: the outline's objects, a new version of the
/// catalog (its entries kept, plus /Outlines, /PageMode and /PageLabels), a cross-reference section for just those
/// objects, and a trailer whose /Prev is Skia's table. Skia's bytes are not touched; the same input gives the same bytes.
/// </summary>
internal static class PdfOutlineWriter
{
    /// <summary>Catalog entries the update writes itself; an earlier value of any is replaced.</summary>
    private static readonly HashSet<string> CatalogKeys = new(["Outlines", "PageMode", "PageLabels"], StringComparer.Ordinal);

    /// <param name="pdf">A readable, seekable stream holding the PDF from <paramref name="start"/> to its end.</param>
    /// <param name="outline">The top-level entries in document order; none writes page labels only.</param>
    public static void Append(Stream pdf, long start, IReadOnlyList<PlacedOutlineEntry> outline)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(outline);
        var file = SkiaPdfFile.Open(pdf, start);
        var root = file.RootNumber;
        var catalog = file.Object(root);
        var pages = file.Pages();

        // Object numbers: the outline's root, then its entries depth first (document order), after Skia's last.
        var next = file.Size;
        var numbers = new Dictionary<PlacedOutlineEntry, int>(ReferenceEqualityComparer.Instance);
        var outlineRoot = outline.Count > 0 ? next++ : 0;
        foreach (var entry in outline.SelectMany(Flatten))
        {
            numbers[entry] = next++;
        }

        var objects = new List<(int Number, string Body)>();
        if (outline.Count > 0)
        {
            objects.Add((outlineRoot, string.Create(CultureInfo.InvariantCulture,
                $"<</Type /Outlines /First {numbers[outline[0]]} 0 R /Last {numbers[outline[^1]]} 0 R /Count {outline.Sum(Visible)}>>")));
            AddEntries(objects, outline, outlineRoot, numbers, pages);
        }

        var catalogBody = new StringBuilder("<<");
        foreach (var (key, value) in catalog.Entries.Where(e => !CatalogKeys.Contains(e.Key)))
        {
            catalogBody.Append('/').Append(key).Append(' ').Append(value).Append('\n');
        }

        if (outline.Count > 0)
        {
            catalogBody.Append(CultureInfo.InvariantCulture, $"/Outlines {outlineRoot} 0 R\n/PageMode /UseOutlines\n");
        }

        // One range of decimal labels from the first page: the viewer's page numbers are the footer's "page N of M".
        catalogBody.Append("/PageLabels <</Nums [0 <</S /D>>]>>>>");
        objects.Add((root, catalogBody.ToString()));

        Write(pdf, start, file, objects.OrderBy(o => o.Number).ToList(), next);
    }

    private static IEnumerable<PlacedOutlineEntry> Flatten(PlacedOutlineEntry entry) => entry.Children.SelectMany(Flatten).Prepend(entry);

    /// <summary>The entry and every entry under it, all shown: the outline opens fully expanded.</summary>
    private static int Visible(PlacedOutlineEntry entry) => 1 + entry.Children.Sum(Visible);

    private static void AddEntries(List<(int, string)> objects, IReadOnlyList<PlacedOutlineEntry> entries, int parent, Dictionary<PlacedOutlineEntry, int> numbers,
        IReadOnlyList<(int Number, double Top)> pages)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.PageIndex < 0 || entry.PageIndex >= pages.Count)
            {
                throw new InvalidOperationException($"the outline entry \"{entry.Title}\" opens page {entry.PageIndex + 1} of a {pages.Count}-page PDF");
            }

            var page = pages[entry.PageIndex];
            var body = new StringBuilder("<<");
            body.Append("/Title ").Append(TextString(entry.Title));
            body.Append(CultureInfo.InvariantCulture, $"\n/Parent {parent} 0 R");
            if (i > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Prev {numbers[entries[i - 1]]} 0 R");
            }

            if (i + 1 < entries.Count)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Next {numbers[entries[i + 1]]} 0 R");
            }

            if (entry.Children.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"\n/First {numbers[entry.Children[0]]} 0 R\n/Last {numbers[entry.Children[^1]]} 0 R\n/Count {Visible(entry) - 1}");
            }

            // The heading's top-left corner, the zoom left as it is.
            body.Append(CultureInfo.InvariantCulture, $"\n/Dest [{page.Number} 0 R /XYZ {Coordinate(entry.Left)} {Coordinate(page.Top - entry.Top)} null]>>");
            objects.Add((numbers[entry], body.ToString()));
            AddEntries(objects, entry.Children, numbers[entry], numbers, pages);
        }
    }

    /// <summary>The objects, their cross-reference section (one subsection per run of consecutive numbers) and the trailer.</summary>
    private static void Write(Stream pdf, long start, SkiaPdfFile file, List<(int Number, string Body)> objects, int size)
    {
        pdf.Seek(0, SeekOrigin.End);
        var text = new StringBuilder();
        var offset = pdf.Position - start;
        pdf.Position -= 1;
        if (pdf.ReadByte() is not ('\n' or '\r'))
        {
            text.Append('\n');
        }

        var offsets = new List<(int Number, long Offset)>();
        foreach (var (number, body) in objects)
        {
            offsets.Add((number, offset + text.Length));
            text.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var crossReference = offset + text.Length;
        text.Append("xref\n");
        for (var i = 0; i < offsets.Count;)
        {
            var run = 1;
            while (i + run < offsets.Count && offsets[i + run].Number == offsets[i].Number + run)
            {
                run++;
            }

            text.Append(CultureInfo.InvariantCulture, $"{offsets[i].Number} {run}\n");
            for (var k = i; k < i + run; k++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{offsets[k].Offset:0000000000} 00000 n \n");
            }

            i += run;
        }

        // The update's trailer keeps every entry of Skia's (/Root, /Info, any /ID), with the new /Size and a /Prev.
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}");
        foreach (var (key, value) in file.Trailer.Entries.Where(e => e.Key is not ("Size" or "Prev")))
        {
            text.Append("\n/").Append(key).Append(' ').Append(value);
        }

        text.Append(CultureInfo.InvariantCulture, $"\n/Prev {file.CrossReferenceOffset}>>\nstartxref\n{crossReference}\n%%EOF\n");
        pdf.Write(Encoding.Latin1.GetBytes(text.ToString()));
    }

    /// <summary>A text string as UTF-16BE with its byte order mark, in hex: any script, nothing to escape.</summary>
    private static string TextString(string text)
    {
        var hex = new StringBuilder("<FEFF", 6 + (text.Length * 4));
        foreach (var c in text)
        {
            hex.Append(CultureInfo.InvariantCulture, $"{(int)c:X4}");
        }

        return hex.Append('>').ToString();
    }

    private static string Coordinate(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
