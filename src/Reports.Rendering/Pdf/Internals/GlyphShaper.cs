using System.Runtime.InteropServices;
using HarfBuzzSharp;
using Reports.Rendering.Typography;
using SkiaSharp;

namespace Reports.Rendering.Pdf.Internals;

/// <summary>
/// Shapes text with HarfBuzz in font units and places glyphs on the same grid Skia's PDF backend uses
/// (<see cref="AdvanceGrid"/>), so a shaped run is written as one string.
/// </summary>
internal sealed class GlyphShaper : IDisposable
{
    private readonly GCHandle fontData;
    private readonly Blob blob;
    private readonly Face face;
    private readonly HarfBuzzSharp.Font font;
    private readonly int unitsPerEm;

    public GlyphShaper(SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        using var stream = typeface.OpenStream(out var index);
        // One Read may return less than asked for: read to the end, or HarfBuzz would shape with a truncated font.
        using var memory = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, chunk.Length)) > 0)
        {
            memory.Write(chunk, 0, read);
        }

        // HarfBuzz reads the font in place for as long as the shaper lives, so the bytes stay pinned until Dispose.
        // (Blob.FromStream lost its data to the garbage collector and shaped garbage after the first collection.)
        fontData = GCHandle.Alloc(memory.ToArray(), GCHandleType.Pinned);
        blob = new Blob(fontData.AddrOfPinnedObject(), (int)memory.Length, MemoryMode.ReadOnly);
        face = new Face(blob, index);
        unitsPerEm = face.UnitsPerEm;
        font = new HarfBuzzSharp.Font(face);
        font.SetFunctionsOpenType();
        font.SetScale(unitsPerEm, unitsPerEm);
    }

    /// <param name="rightToLeft">The run's direction, from its bidi level: HarfBuzz then gives glyphs in visual order and mirrors brackets.</param>
    public ShapedRun Shape(string text, float size, bool rightToLeft = false)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        buffer.AddUtf8(utf8);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        font.Shape(buffer);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var scale = AdvanceGrid.Scale(size, unitsPerEm);
        var glyphs = new ushort[infos.Length];
        var xs = new float[infos.Length];
        var clusters = new uint[infos.Length];
        var pen = 0L;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            xs[i] = (pen + positions[i].XOffset) * scale;
            pen += positions[i].XAdvance;
        }

        return new ShapedRun(glyphs, xs, pen * scale, utf8, clusters);
    }

    public void Dispose()
    {
        font.Dispose();
        face.Dispose();
        blob.Dispose();
        fontData.Free();
    }
}
