using System.Text;
using Reports.Rendering.Pdf.Internals;
using Reports.Rendering.Typography;
using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>
/// The typefaces of one document: the shipped faces cut down to the characters the document uses, with fallback
/// for glyphs the text face lacks. With the Linux natives here <c>SKFontManager.MatchCharacter</c> finds nothing,
/// so the fallback scans the shipped faces with <c>ContainsGlyph</c> and splits text into runs per typeface.
/// </summary>
internal sealed class FontSet : IDisposable
{
    private readonly Dictionary<SKTypeface, GlyphShaper> shapers = [];
    private readonly Dictionary<(SKTypeface Typeface, float Size, bool RightToLeft), Dictionary<string, ShapedRun>> shaped = [];
    private readonly List<Run> runs = [];
    private readonly List<Run> visualRuns = [];
    private readonly Dictionary<(SKTypeface Typeface, float Size, bool Embolden), SKFont> drawingFonts = [];
    private readonly Dictionary<SKColor, SKPaint> paints = [];

    private readonly bool ownsTypefaces;

    private FontSet(SKTypeface regular, SKTypeface bold, SKTypeface italic, SKTypeface symbols, IReadOnlyList<SKTypeface> fallbacks, IReadOnlyList<int> undrawable, bool ownsTypefaces = true)
    {
        this.ownsTypefaces = ownsTypefaces;
        Regular = regular;
        Bold = bold;
        Italic = italic;
        Symbols = symbols;
        Fallbacks = fallbacks;
        Undrawable = undrawable;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Italic { get; }

    public SKTypeface Symbols { get; }

    /// <summary>The faces for other scripts this document needs, each cut to the characters it draws here, in fallback order.</summary>
    public IReadOnlyList<SKTypeface> Fallbacks { get; }

    /// <summary>The document's characters that no shipped face has, in code point order: they are drawn as a box.</summary>
    public IReadOnlyList<int> Undrawable { get; }

    /// <summary>
    /// Subsets the shipped faces to the given text's characters (and printable ASCII, for numbers drawn later): the
    /// Noto Sans faces always, a face for another script only when the text has a character that it is the first to draw.
    /// </summary>
    public static FontSet ForText(IEnumerable<string> texts)
    {
        var codePoints = FaceSelection.CodePoints(texts);
        var (fallbacks, undrawable) = FaceSelection.Fallbacks(codePoints);
        return new FontSet(
            FontSubsetter.SubsetTypeface(ShippedFonts.Regular, codePoints),
            FontSubsetter.SubsetTypeface(ShippedFonts.Bold, codePoints),
            FontSubsetter.SubsetTypeface(ShippedFonts.Italic, codePoints),
            FontSubsetter.SubsetTypeface(ShippedFonts.Symbols, codePoints),
            [.. fallbacks.Select(f => FontSubsetter.SubsetTypeface(f.Font, f.CodePoints))],
            undrawable);
    }

    /// <summary>
    /// The shipped faces whole, every fallback included: for text drawn as outlines (a chart's labels), where nothing is
    /// embedded and so nothing needs cutting. The faces stay the process's.
    /// </summary>
    public static FontSet Shipped() => new(
        ShippedFonts.Regular.Typeface, ShippedFonts.Bold.Typeface, ShippedFonts.Italic.Typeface, ShippedFonts.Symbols.Typeface,
        [.. Enumerable.Range(0, ShippedFonts.FallbackCount).Select(i => ShippedFonts.Fallback(i).Typeface)], [], ownsTypefaces: false);

    /// <summary>The text's glyph outlines, shaped and ordered as <see cref="Draw"/> draws them, from its left end on the baseline at (0, 0).</summary>
    public SKPath Outline(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        var path = new SKPath();
        var x = 0f;
        foreach (var run in VisualRuns(text, Primary(style)))
        {
            var shaped = Shape(text.AsSpan(run.Start, run.Length), run.Typeface, style.Size, run.RightToLeft);
            var font = DrawingFont(run.Typeface, style);
            for (var i = 0; i < shaped.Glyphs.Length; i++)
            {
                using var glyph = font.GetGlyphPath(shaped.Glyphs[i]);
                if (glyph is not null)
                {
                    path.AddPath(glyph, x + shaped.Positions[i], 0);
                }
            }

            x += shaped.Width;
        }

        return path;
    }

    public SKTypeface Primary(TextStyle style) => style.Bold ? Bold : style.Italic ? Italic : Regular;

    /// <summary>Width of text in a style, shaped by HarfBuzz run by run.</summary>
    public float Measure(string text, TextStyle style) => Measure(text.AsSpan(), style);

    /// <inheritdoc cref="Measure(string, TextStyle)"/>
    public float Measure(ReadOnlySpan<char> text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var width = 0f;
        foreach (var run in VisualRuns(text, Primary(style)))
        {
            width += Shape(text.Slice(run.Start, run.Length), run.Typeface, style.Size, run.RightToLeft).Width;
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
        foreach (var run in VisualRuns(text, Primary(style)))
        {
            var shaped = Shape(text.AsSpan(run.Start, run.Length), run.Typeface, style.Size, run.RightToLeft);
            if (shaped.Glyphs.Length > 0)
            {
                // With the text and clusters, the PDF maps each glyph back to its characters (ToUnicode, or ActualText
                // for a ligature or a contextual form), so a reader can copy and search what the glyphs show.
                using var builder = new SKTextBlobBuilder();
                var buffer = builder.AllocateHorizontalTextRun(DrawingFont(run.Typeface, style), shaped.Glyphs.Length, 0, shaped.Utf8.Length);
                buffer.SetGlyphs(shaped.Glyphs);
                buffer.SetPositions(shaped.Positions);
                buffer.SetText(shaped.Utf8);
                buffer.SetClusters(shaped.Clusters);
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

        if (!ownsTypefaces)
        {
            return;
        }

        Regular.Dispose();
        Bold.Dispose();
        Italic.Dispose();
        Symbols.Dispose();
        foreach (var fallback in Fallbacks)
        {
            fallback.Dispose();
        }
    }

    /// <summary>
    /// The text's runs in the order they are drawn, left to right: split by typeface and by bidi level, each with its
    /// direction, and ordered by the Unicode bidirectional algorithm (rule L2), so right-to-left text reads right to left
    /// and a number or a Latin word inside it stays in its place. The list is reused like <see cref="Runs"/>'s.
    /// </summary>
    private List<Run> VisualRuns(ReadOnlySpan<char> text, SKTypeface primary)
    {
        var faceRuns = Runs(text, primary);
        if (UnicodeBidi.IsLeftToRightOnly(text))
        {
            return faceRuns;
        }

        var levels = UnicodeBidi.ResolveLevels(text);
        visualRuns.Clear();
        foreach (var run in faceRuns)
        {
            var start = run.Start;
            for (var i = run.Start + 1; i <= run.Start + run.Length; i++)
            {
                if (i == run.Start + run.Length || levels[i] != levels[start])
                {
                    visualRuns.Add(new Run(start, i - start, run.Typeface, (levels[start] & 1) == 1, levels[start]));
                    start = i;
                }
            }
        }

        var runLevels = visualRuns.Select(r => r.Level).ToArray();
        var order = UnicodeBidi.VisualOrder(runLevels);
        runs.Clear();
        runs.AddRange(order.Select(i => visualRuns[i]));
        return runs;
    }

    /// <summary>
    /// Splits text into runs that one typeface can draw: the style's face, else the first face with the character;
    /// spaces, punctuation and marks stay in the run they are in when its face has them. A character no face has goes
    /// to the style's face, which draws its missing-glyph box. The runs go into a list the set reuses (a document is
    /// laid out and drawn on one thread).
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
            var face = current is not null && TextRuns.IsNeutral(rune.Value) && (current.ContainsGlyph(rune.Value) || TextRuns.IsInvisible(rune.Value))
                ? current
                : FaceFor(rune.Value, primary);
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

        foreach (var face in Fallbacks)
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
    private ShapedRun Shape(ReadOnlySpan<char> run, SKTypeface typeface, float size, bool rightToLeft)
    {
        var cache = Cached(shaped, (Typeface: typeface, Size: size, RightToLeft: rightToLeft), this, static (_, _) => new Dictionary<string, ShapedRun>(StringComparer.Ordinal))
            .GetAlternateLookup<ReadOnlySpan<char>>();
        if (!cache.TryGetValue(run, out var result))
        {
            var text = run.ToString();
            result = Shaper(typeface).Shape(text, size, rightToLeft);
            cache.Dictionary.Add(text, result);
        }

        return result;
    }

    /// <summary>Fonts and paints are native objects: a page of table rows would otherwise make one per cell.</summary>
    private SKFont DrawingFont(SKTypeface typeface, TextStyle style) =>
        Cached(drawingFonts, (Typeface: typeface, Size: style.Size, Embolden: style.Bold && typeface != Bold), this, static (key, _) =>
        {
            // The faces for other scripts have no bold: bold text in them (a strongest token) is emboldened by Skia.
            var font = AdvanceGrid.Font(key.Typeface, key.Size);
            font.Embolden = key.Embolden;
            return font;
        });

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

    /// <summary>A piece of a text that one typeface draws in one direction (at one bidi level).</summary>
    private readonly record struct Run(int Start, int Length, SKTypeface Typeface, bool RightToLeft = false, byte Level = 0);
}
