using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rules N1-N2: a run of neutrals (separators, white space, other neutrals, isolate formatting characters) takes
/// the direction of the text on both sides when it is the same, numbers counting as R, and the embedding direction
/// otherwise.
/// </summary>
internal static class NeutralTypeRules
{
    /// <summary>Resolves every neutral of the sequence to L or R.</summary>
    public static void Apply(in IsolatingRunSequence sequence)
    {
        var types = sequence.Types;
        for (var i = 0; i < types.Length; i++)
        {
            if (!IsNeutral(types[i]))
            {
                continue;
            }
            var end = i;
            while (end < types.Length && IsNeutral(types[end]))
            {
                end++;
            }
            var before = i == 0 ? sequence.Start : Direction(types[i - 1]);
            var after = end == types.Length ? sequence.End : Direction(types[end]);
            types[i..end].Fill(before == after ? before : sequence.EmbeddingDirection);
            i = end - 1;
        }
    }

    private static bool IsNeutral(BidiClass type) => type is B or S or WS or ON or LRI or RLI or FSI or PDI;

    /// <summary>The direction a resolved strong or number type gives its neighbours: L, or R for R and numbers.</summary>
    private static BidiClass Direction(BidiClass type) => type == L ? L : R;
}
