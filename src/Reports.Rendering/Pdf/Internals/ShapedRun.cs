namespace Reports.Rendering.Pdf.Internals;

/// <summary>
/// One run of text shaped for drawing: glyph ids in visual order, their x positions from the run's start, its width,
/// and, for text extraction, the run's UTF-8 text and each glyph's cluster (the byte offset of the text it stands for).
/// </summary>
internal sealed record ShapedRun(ushort[] Glyphs, float[] Positions, float Width, byte[] Utf8, uint[] Clusters);
