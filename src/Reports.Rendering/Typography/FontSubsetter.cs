using System.Runtime.InteropServices;
using SkiaSharp;

namespace Reports.Rendering.Typography;

/// <summary>
/// Cuts a font down to the characters a document uses. Skia's PDF backend embeds a font file whole even when it marks
/// it as a subset (about 500 KB per Noto face), so documents are typeset with subset typefaces instead. The subset
/// keeps its cmap, so text stays extractable.
/// </summary>
internal static class FontSubsetter
{
    /// <summary>The font's bytes reduced to the given code points (plus what HarfBuzz keeps: .notdef, needed tables).</summary>
    public static byte[] Subset(ReadOnlyMemory<byte> font, IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        var handle = GCHandle.Alloc(font.ToArray(), GCHandleType.Pinned);
        IntPtr blob = IntPtr.Zero, face = IntPtr.Zero, input = IntPtr.Zero, subset = IntPtr.Zero, result = IntPtr.Zero;
        try
        {
            // Mode 1 = HB_MEMORY_MODE_READONLY: HarfBuzz reads the pinned array without copying it.
            blob = HarfBuzzSubset.hb_blob_create(handle.AddrOfPinnedObject(), (uint)font.Length, 1, IntPtr.Zero, IntPtr.Zero);
            face = HarfBuzzSubset.hb_face_create(blob, 0);
            input = HarfBuzzSubset.hb_subset_input_create_or_fail();
            var unicodes = HarfBuzzSubset.hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                HarfBuzzSubset.hb_set_add(unicodes, (uint)codePoint);
            }

            // Ligature glyphs have no character of their own, so a PDF reader could not extract "fi" from them:
            // dropping the ligature features keeps HarfBuzz from forming them.
            var features = HarfBuzzSubset.hb_subset_input_set(input, 6);
            foreach (var tag in (ReadOnlySpan<string>)["liga", "clig", "dlig", "hlig", "rlig"])
            {
                HarfBuzzSubset.hb_set_del(features, Tag(tag));
            }

            subset = HarfBuzzSubset.hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                throw new InvalidOperationException("HarfBuzz could not subset the font.");
            }

            result = HarfBuzzSubset.hb_face_reference_blob(subset);
            var data = HarfBuzzSubset.hb_blob_get_data(result, out var length);
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            Release(result, HarfBuzzSubset.hb_blob_destroy);
            Release(subset, HarfBuzzSubset.hb_face_destroy);
            Release(input, HarfBuzzSubset.hb_subset_input_destroy);
            Release(face, HarfBuzzSubset.hb_face_destroy);
            Release(blob, HarfBuzzSubset.hb_blob_destroy);
            handle.Free();
        }
    }

    /// <summary>A typeface of the subset, ready to draw with.</summary>
    public static SKTypeface SubsetTypeface(ShippedFont font, IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(font);
        return SKTypeface.FromData(SKData.CreateCopy(Subset(font.Data, codePoints)));
    }

    private static uint Tag(string tag) => ((uint)tag[0] << 24) | ((uint)tag[1] << 16) | ((uint)tag[2] << 8) | tag[3];

    private static void Release(IntPtr pointer, Action<IntPtr> destroy)
    {
        if (pointer != IntPtr.Zero)
        {
            destroy(pointer);
        }
    }
}
