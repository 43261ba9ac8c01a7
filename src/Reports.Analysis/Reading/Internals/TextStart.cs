namespace Reports.Analysis.Reading.Internals;

/// <summary>Where a prompts file's UTF-8 text starts, from its first bytes: the one rule of the mapped and the decompressed reads.</summary>
internal static class TextStart
{
    /// <summary>The bytes to skip (a byte order mark's 3, else 0), or -1 for an empty text or a UTF-16/32 one, which the generated reader reports.</summary>
    /// <param name="head">The text's first bytes, up to 4 (fewer only when the text is shorter).</param>
    public static int Of(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return -1;
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
    }
}
