namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rule L2: from the highest level down to the lowest odd one, every stretch at that level or higher is reversed,
/// so right-to-left text reads right to left and numbers or Latin inside it keep their own order.
/// </summary>
internal static class VisualReordering
{
    /// <summary>Writes into <paramref name="order"/> the indices of <paramref name="levels"/> in visual order, left to right.</summary>
    public static void Order(ReadOnlySpan<byte> levels, Span<int> order)
    {
        byte highest = 0;
        var lowestOdd = byte.MaxValue;
        for (var i = 0; i < levels.Length; i++)
        {
            order[i] = i;
            highest = Math.Max(highest, levels[i]);
            if ((levels[i] & 1) != 0)
            {
                lowestOdd = Math.Min(lowestOdd, levels[i]);
            }
        }
        for (int level = highest; level >= lowestOdd; level--)
        {
            // Stretches at or above this level are the same positions whatever higher levels reversed inside them.
            for (var i = 0; i < levels.Length; i++)
            {
                if (levels[order[i]] < level)
                {
                    continue;
                }
                var end = i + 1;
                while (end < levels.Length && levels[order[end]] >= level)
                {
                    end++;
                }
                order[i..end].Reverse();
                i = end;
            }
        }
    }
}
