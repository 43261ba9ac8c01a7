namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// The Bidi_Class property values, named by the abbreviations UAX #9 writes its rules with so that the code reads
/// like the rules. The order is the generator's (tools/unicode-bidi/generate.py): the generated tables store these
/// numbers.
/// </summary>
internal enum BidiClass : byte
{
    /// <summary>Left_To_Right: strong left-to-right (Latin, CJK, ...).</summary>
    L,

    /// <summary>Right_To_Left: strong right-to-left (Hebrew, ...).</summary>
    R,

    /// <summary>Arabic_Letter: strong right-to-left, and turns following European digits into Arabic numbers (W2).</summary>
    AL,

    /// <summary>European_Number: ASCII and other European digits.</summary>
    EN,

    /// <summary>European_Separator: plus and minus signs.</summary>
    ES,

    /// <summary>European_Terminator: currency, degree and percent signs, number sign.</summary>
    ET,

    /// <summary>Arabic_Number: Arabic-Indic digits and number separators.</summary>
    AN,

    /// <summary>Common_Separator: commas, colons, periods between digits.</summary>
    CS,

    /// <summary>Nonspacing_Mark: takes the direction of the character it marks (W1).</summary>
    NSM,

    /// <summary>Boundary_Neutral: format and control characters that rule X9 removes.</summary>
    BN,

    /// <summary>Paragraph_Separator: ends a paragraph (P1).</summary>
    B,

    /// <summary>Segment_Separator: tabs, reset to the paragraph level on the line (L1).</summary>
    S,

    /// <summary>White_Space.</summary>
    WS,

    /// <summary>Other_Neutral: punctuation and symbols.</summary>
    ON,

    /// <summary>Left_To_Right_Embedding (U+202A).</summary>
    LRE,

    /// <summary>Left_To_Right_Override (U+202D).</summary>
    LRO,

    /// <summary>Right_To_Left_Embedding (U+202B).</summary>
    RLE,

    /// <summary>Right_To_Left_Override (U+202E).</summary>
    RLO,

    /// <summary>Pop_Directional_Format (U+202C).</summary>
    PDF,

    /// <summary>Left_To_Right_Isolate (U+2066).</summary>
    LRI,

    /// <summary>Right_To_Left_Isolate (U+2067).</summary>
    RLI,

    /// <summary>First_Strong_Isolate (U+2068).</summary>
    FSI,

    /// <summary>Pop_Directional_Isolate (U+2069).</summary>
    PDI,
}
