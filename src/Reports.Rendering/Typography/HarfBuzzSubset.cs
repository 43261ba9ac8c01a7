using System.Runtime.InteropServices;

namespace Reports.Rendering.Typography;

/// <summary>
/// HarfBuzz's subsetter, from the libHarfBuzzSharp that SkiaSharp.HarfBuzz ships (HarfBuzzSharp binds shaping, not
/// subsetting, so the few functions needed are bound here).
/// </summary>
internal static partial class HarfBuzzSubset
{
    private const string Library = "libHarfBuzzSharp";

    [LibraryImport(Library)]
    public static partial IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [LibraryImport(Library)]
    public static partial IntPtr hb_face_create(IntPtr blob, uint index);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Library)]
    public static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Library)]
    public static partial void hb_set_del(IntPtr set, uint codepoint);

    /// <summary>One of the subset input's sets; 6 is HB_SUBSET_SETS_LAYOUT_FEATURE_TAG.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_input_set(IntPtr input, int setType);

    [LibraryImport(Library)]
    public static partial IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    [LibraryImport(Library)]
    public static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Library)]
    public static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Library)]
    public static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Library)]
    public static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Library)]
    public static partial void hb_blob_destroy(IntPtr blob);
}
