using System.Globalization;

namespace Reports.Rendering.Typography;

/// <summary>What a character asks of the run it is drawn in.</summary>
public static class TextRuns
{
    /// <summary>
    /// Spaces, punctuation, marks and format characters: they belong to the script around them, so they stay in the
    /// run they are in (a space between two Arabic words keeps the Arabic run whole; a combining mark stays on its base).
    /// </summary>
    internal static bool IsNeutral(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
        _ => false,
    };

    /// <summary>
    /// Characters with nothing to draw: controls and Unicode's default-ignorable code points (joiners, variation
    /// selectors, bidi controls, tags). A face need not have them; shaping hides them.
    /// </summary>
    public static bool IsInvisible(int codePoint) =>
        CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Control
        || codePoint is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0
        || codePoint is (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E)
        || codePoint is (>= 0x2060 and <= 0x206F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xFFF0 and <= 0xFFF8)
        || codePoint is (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);
}
