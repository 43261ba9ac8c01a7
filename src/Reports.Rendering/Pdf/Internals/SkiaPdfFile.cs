using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Rendering.Pdf.Internals;

/// <summary>
/// What an incremental update needs of the PDF Skia wrote, read back by offset rather than whole: the trailer and
/// where its cross-reference table is (from the file's last bytes), the catalog, and the pages in order with their
/// media boxes (the page tree walked node by node; Skia nests it). Skia writes one classic cross-reference section
/// of fixed 20-byte entries, so an object's offset is one seek away.
/// </summary>
internal sealed partial class SkiaPdfFile
{
    private const int EntrySize = 20;
    private const int TailSize = 1024;

    private readonly Stream stream;
    private readonly long start;
    private readonly int firstObject;
    private readonly int objectCount;
    private readonly long entriesOffset;

    private SkiaPdfFile(Stream stream, long start, long crossReferenceOffset, PdfDictionary trailer)
    {
        this.stream = stream;
        this.start = start;
        CrossReferenceOffset = crossReferenceOffset;
        Trailer = trailer;
        var header = ReadText(crossReferenceOffset, 64);
        var subsection = SubsectionHeader().Match(header);
        if (!subsection.Success)
        {
            throw new InvalidDataException($"the PDF's cross-reference table at {crossReferenceOffset} is not the classic table Skia writes");
        }

        firstObject = int.Parse(subsection.Groups["first"].Value, CultureInfo.InvariantCulture);
        objectCount = int.Parse(subsection.Groups["count"].Value, CultureInfo.InvariantCulture);
        entriesOffset = crossReferenceOffset + subsection.Length;
    }

    /// <summary>The offset of Skia's cross-reference table from the PDF's first byte: the update's /Prev.</summary>
    public long CrossReferenceOffset { get; }

    public PdfDictionary Trailer { get; }

    /// <summary>The trailer's /Size: the first object number free for new objects.</summary>
    public int Size => int.Parse(Trailer["Size"] ?? throw new InvalidDataException("the PDF's trailer has no /Size"), CultureInfo.InvariantCulture);

    public int RootNumber => Trailer.Reference("Root") ?? throw new InvalidDataException("the PDF's trailer has no /Root");

    /// <summary>Opens the PDF that starts at <paramref name="start"/> of a readable, seekable stream and ends at its end.</summary>
    public static SkiaPdfFile Open(Stream stream, long start)
    {
        var length = stream.Length - start;
        var tailStart = Math.Max(0, length - TailSize);
        var tail = Encoding.Latin1.GetString(Read(stream, start + tailStart, (int)(length - tailStart)));
        var trailerAt = tail.LastIndexOf("trailer", StringComparison.Ordinal);
        var startAt = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        var offset = startAt < 0 ? null : StartXref().Match(tail, startAt);
        if (trailerAt < 0 || offset is not { Success: true })
        {
            throw new InvalidDataException("the PDF's last bytes hold no trailer and startxref");
        }

        var trailer = PdfDictionary.Parse(tail, trailerAt + "trailer".Length);
        return new SkiaPdfFile(stream, start, long.Parse(offset.Groups["offset"].Value, CultureInfo.InvariantCulture), trailer);
    }

    /// <summary>The dictionary of object <paramref name="number"/> (generation 0), read at its offset.</summary>
    public PdfDictionary Object(int number)
    {
        var offset = ObjectOffset(number);
        var header = string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj");
        for (var size = 4096; ; size *= 4)
        {
            var text = ReadText(offset, size);
            if (!text.StartsWith(header, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"object {number} is not at offset {offset} of the PDF");
            }

            var end = text.IndexOf("endobj", StringComparison.Ordinal);
            if (end >= 0 || text.Length < size)
            {
                return PdfDictionary.Parse(end >= 0 ? text[..end] : text, header.Length);
            }
        }
    }

    /// <summary>Every page's object number and media box top, in page order: the page tree walked depth first.</summary>
    public IReadOnlyList<(int Number, double Top)> Pages()
    {
        var catalog = Object(RootNumber);
        var pages = new List<(int, double)>();
        AddPages(catalog.Reference("Pages") ?? throw new InvalidDataException("the PDF's catalog has no /Pages"), null, pages, depth: 0);
        return pages;
    }

    private void AddPages(int number, IReadOnlyList<double>? inheritedBox, List<(int, double)> pages, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidDataException("the PDF's page tree is deeper than 64 levels");
        }

        var node = Object(number);
        var box = node.Numbers("MediaBox") ?? inheritedBox;
        if (node["Type"] == "/Pages")
        {
            foreach (var kid in node.References("Kids"))
            {
                AddPages(kid, box, pages, depth + 1);
            }

            return;
        }

        if (box is not { Count: 4 })
        {
            throw new InvalidDataException($"page object {number} has no media box");
        }

        pages.Add((number, Math.Max(box[1], box[3])));
    }

    private long ObjectOffset(int number)
    {
        if (number < firstObject || number >= firstObject + objectCount)
        {
            throw new InvalidDataException($"object {number} is not in the PDF's cross-reference table ({firstObject} to {firstObject + objectCount - 1})");
        }

        var entry = ReadText(entriesOffset + ((long)(number - firstObject) * EntrySize), EntrySize);
        if (entry.Length < 18 || entry[17] != 'n')
        {
            throw new InvalidDataException($"object {number} is not in use in the PDF's cross-reference table");
        }

        return long.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture);
    }

    private string ReadText(long offset, int count) => Encoding.Latin1.GetString(Read(stream, start + offset, (int)Math.Min(count, stream.Length - start - offset)));

    private static byte[] Read(Stream stream, long position, int count)
    {
        stream.Position = position;
        var bytes = new byte[Math.Max(0, count)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    [GeneratedRegex(@"\Gstartxref\s+(?<offset>\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"^xref\r?\n(?<first>\d+) (?<count>\d+)\s*?\r?\n")]
    private static partial Regex SubsectionHeader();
}
