namespace Reports.Analysis.Reading;

/// <summary>
/// Where a string value's UTF-8 text is after <see cref="JsonCursor.TryReadString"/>: in the line itself when it has
/// no escapes, or decoded into the cursor's scratch buffer when it has.
/// </summary>
internal readonly record struct JsonText(int Start, int Length, bool Decoded)
{
    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> line, ReadOnlySpan<byte> scratch) =>
        (Decoded ? scratch : line).Slice(Start, Length);
}
