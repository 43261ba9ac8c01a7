namespace Reports.Rendering.Pdf;

/// <summary>Something a document contains. It states its text (so fonts can be subset first), then measures into blocks.</summary>
internal interface IElement
{
    IEnumerable<string> Texts { get; }

    /// <summary>The element as blocks for the content width; <paramref name="pageHeight"/> bounds a single block.</summary>
    IEnumerable<Block> Layout(FontSet fonts, float width, float pageHeight);
}
