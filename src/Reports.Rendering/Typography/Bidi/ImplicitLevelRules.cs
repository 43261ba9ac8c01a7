using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rules I1-I2: the resolved level of each character from its explicit level and resolved type. Characters X9
/// removed have no level of their own; they take the level before them (section 5.2), so that a renderer keeps a
/// joiner or mark in the run it sits in.
/// </summary>
internal static class ImplicitLevelRules
{
    /// <summary>Raises each character's explicit level as its resolved type needs.</summary>
    public static void Apply(in BidiParagraph paragraph)
    {
        var levels = paragraph.Levels;
        var previous = paragraph.Level;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph.IsRemoved(i))
            {
                levels[i] = previous;
                continue;
            }
            var type = paragraph.Types[i];
            var even = (levels[i] & 1) == 0;
            levels[i] += (even, type) switch
            {
                (true, R) => 1,
                (true, AN or EN) => 2,
                (false, L or AN or EN) => 1,
                _ => 0,
            };
            previous = levels[i];
        }
    }
}
