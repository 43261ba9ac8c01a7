namespace Reports.Rendering.Typography;

/// <summary>
/// The direction of a paragraph: given by the caller when the document knows it (a right-to-left report), or
/// <see cref="Auto"/> to take it from the text itself, as a plain-text viewer would.
/// </summary>
internal enum BidiDirection
{
    /// <summary>Rules P2-P3: the direction of the first strong character outside isolates; left to right when there is none.</summary>
    Auto,

    /// <summary>Paragraph embedding level 0.</summary>
    LeftToRight,

    /// <summary>Paragraph embedding level 1.</summary>
    RightToLeft,
}
