using System.Text;
using Reports.Rendering.Typography;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// The typefaces of one document: the shipped faces cut down to the characters the document uses, with fallback
/// for glyphs the text face lacks. With the Linux natives here <c>SKFontManager.MatchCharacter</c> finds nothing,
/// so the fallback scans the shipped faces with <c>ContainsGlyph</c> and splits text into runs per typeface.
/// </summary>
public sealed class FontSet : IDisposable
{
    private readonly Dictionary<SKTypeface, GlyphShaper> shapers = [];
    private readonly Dictionary<(SKTypeface Typeface, float Size), Dictionary<string, ShapedRun>> shaped = [];
    private readonly List<Run> runs = [];
    private readonly Dictionary<(SKTypeface Typeface, float Size), SKFont> drawingFonts = [];
    private readonly Dictionary<SKColor, SKPaint> paints = [];

    private FontSet(SKTypeface regular, SKTypeface bold, SKTypeface italic, SKTypeface symbols)
    {
        Regular = regular;
        Bold = bold;
        Italic = italic;
        Symbols = symbols;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Italic { get; }

    public SKTypeface Symbols { get; }

    /// <summary>Subsets every shipped face to the given text's characters (and printable ASCII, for numbers drawn later).</summary>
    public static FontSet ForText(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var codePoints = new HashSet<int>(Enumerable.Range(' ', '~' - ' ' + 1));
        foreach (var text in texts)
        {
            // A report's text is megabytes of mostly ASCII: only the rest is decoded into code points.
            var rest = text.AsSpan();
            for (var i = rest.IndexOfAnyExceptInRange(' ', '~'); i >= 0; i = rest.IndexOfAnyExceptInRange(' ', '~'))
            {
                Rune.DecodeFromUtf16(rest[i..], out var rune, out var length);
                codePoints.Add(rune.Value);
                rest = rest[(i + length)..];
            }
        }

        int[] sorted = [.. codePoints.Order()];
        return new FontSet(
            FontSubsetter.SubsetTypeface(ShippedFonts.Regular, sorted),
            FontSubsetter.SubsetTypeface(ShippedFonts.Bold, sorted),
            FontSubsetter.SubsetTypeface(ShippedFonts.Italic, sorted),
            FontSubsetter.SubsetTypeface(ShippedFonts.Symbols, sorted));
    }

    public SKTypeface Primary(TextStyle style) => style.Bold ? Bold : style.Italic ? Italic : Regular;

    /// <summary>Width of text in a style, shaped by HarfBuzz run by run.</summary>
    public float Measure(string text, TextStyle style) => Measure(text.AsSpan(), style);

    /// <inheritdoc cref="Measure(string, TextStyle)"/>
    public float Measure(ReadOnlySpan<char> text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var width = 0f;
        foreach (var run in Runs(text, Primary(style)))
        {
            width += Shape(text.Slice(run.Start, run.Length), run.Typeface, style.Size).Width;
        }

        return width;
    }

    /// <summary>Draws text with its left end at x and its baseline at y.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        var paint = Paint(style.Color);
        foreach (var run in Runs(text, Primary(style)))
        {
            var shaped = Shape(text.AsSpan(run.Start, run.Length), run.Typeface, style.Size);
            if (shaped.Glyphs.Length > 0)
            {
                using var builder = new SKTextBlobBuilder();
                builder.AddHorizontalRun(shaped.Glyphs, DrawingFont(run.Typeface, style.Size), shaped.Positions, 0);
                using var blob = builder.Build();
                canvas.DrawText(blob, x, y, paint);
            }

            x += shaped.Width;
        }
    }

    public void Dispose()
    {
        foreach (var shaper in shapers.Values)
        {
            shaper.Dispose();
        }

        foreach (var font in drawingFonts.Values)
        {
            font.Dispose();
        }

        foreach (var paint in paints.Values)
        {
            paint.Dispose();
        }

        Regular.Dispose();
        Bold.Dispose();
        Italic.Dispose();
        Symbols.Dispose();
    }

    /// <summary>
    /// Splits text into runs that one typeface can draw: the style's face, else the first shipped face with the glyph.
    /// The runs go into a list the set reuses (a document is laid out and drawn on one thread).
    /// </summary>
    private List<Run> Runs(ReadOnlySpan<char> text, SKTypeface primary)
    {
        runs.Clear();
        if (!text.ContainsAnyExceptInRange('\0', '\u007f'))
        {
            // Most of a report is ASCII, which every face has: one run, without decoding a character.
            if (text.Length > 0)
            {
                runs.Add(new Run(0, text.Length, primary));
            }

            return runs;
        }

        var start = 0;
        SKTypeface? current = null;
        for (var index = 0; index < text.Length;)
        {
            Rune.DecodeFromUtf16(text[index..], out var rune, out var length);
            var face = FaceFor(rune.Value, primary);
            if (current is not null && face != current)
            {
                runs.Add(new Run(start, index - start, current));
                start = index;
            }

            current = face;
            index += length;
        }

        runs.Add(new Run(start, text.Length - start, current!));
        return runs;
    }

    private SKTypeface FaceFor(int codePoint, SKTypeface primary)
    {
        if (codePoint < 128 || primary.ContainsGlyph(codePoint))
        {
            return primary;
        }

        foreach (var face in (ReadOnlySpan<SKTypeface>)[Regular, Symbols, Bold])
        {
            if (face.ContainsGlyph(codePoint))
            {
                return face;
            }
        }

        return primary;
    }

    /// <summary>
    /// A run shaped once per document: layout measures the same words again and again while wrapping, and drawing
    /// shapes what layout measured. The cache lives as long as the document's fonts; it is looked up by the span, so a
    /// word met again costs no string.
    /// </summary>
    private ShapedRun Shape(ReadOnlySpan<char> run, SKTypeface typeface, float size)
    {
        var cache = Cached(shaped, (Typeface: typeface, Size: size), this, static (_, _) => new Dictionary<string, ShapedRun>(StringComparer.Ordinal))
            .GetAlternateLookup<ReadOnlySpan<char>>();
        if (!cache.TryGetValue(run, out var result))
        {
            var text = run.ToString();
            result = Shaper(typeface).Shape(text, size);
            cache.Dictionary.Add(text, result);
        }

        return result;
    }

    /// <summary>Fonts and paints are native objects: a page of table rows would otherwise make one per cell.</summary>
    private SKFont DrawingFont(SKTypeface typeface, float size) =>
        Cached(drawingFonts, (Typeface: typeface, Size: size), this, static (key, _) => AdvanceGrid.Font(key.Typeface, key.Size));

    private SKPaint Paint(SKColor color) =>
        Cached(paints, color, this, static (key, _) => new SKPaint { Color = key, IsAntialias = true });

    private GlyphShaper Shaper(SKTypeface typeface) =>
        Cached(shapers, typeface, this, static (key, _) => new GlyphShaper(key));

    /// <summary>The cached value, made on first use (a value that failed to be made is not cached).</summary>
    private static TValue Cached<TKey, TValue>(Dictionary<TKey, TValue> cache, TKey key, FontSet fonts, Func<TKey, FontSet, TValue> create)
        where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var value))
        {
            value = create(key, fonts);
            cache.Add(key, value);
        }

        return value;
    }

    /// <summary>A piece of a text that one typeface draws.</summary>
    private readonly record struct Run(int Start, int Length, SKTypeface Typeface);
}
