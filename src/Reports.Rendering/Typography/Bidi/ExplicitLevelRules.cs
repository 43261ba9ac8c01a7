using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rules X1-X8: the explicit embedding level of every character from the embeddings, overrides and isolates around
/// it, and the direction an override forces on it.
/// </summary>
internal static class ExplicitLevelRules
{
    /// <summary>The deepest embedding level (BD2); pushes beyond it overflow and are ignored.</summary>
    public const int MaxDepth = 125;

    /// <summary>An entry of the directional status stack: a level, the override in force (ON for none) and whether an isolate opened it.</summary>
    private readonly record struct DirectionalStatus(byte Level, BidiClass Override, bool IsIsolate);

    /// <summary>Sets every character's level and type; removed characters (X9) get the level around them.</summary>
    public static void Apply(in BidiParagraph paragraph)
    {
        var classes = paragraph.Classes;
        var types = paragraph.Types;
        var levels = paragraph.Levels;
        Span<DirectionalStatus> stack = stackalloc DirectionalStatus[MaxDepth + 2];
        stack[0] = new DirectionalStatus(paragraph.Level, ON, false);
        var depth = 1;
        int overflowIsolates = 0, overflowEmbeddings = 0, validIsolates = 0;
        for (var i = 0; i < classes.Length; i++)
        {
            var type = classes[i];
            var top = stack[depth - 1];
            types[i] = type;
            levels[i] = top.Level;
            switch (type)
            {
                case RLE or LRE or RLO or LRO:
                    // X2-X5.
                    var embeddingLevel = NextLevel(top.Level, rightToLeft: type is RLE or RLO);
                    if (embeddingLevel <= MaxDepth && overflowIsolates == 0 && overflowEmbeddings == 0)
                    {
                        stack[depth++] = new DirectionalStatus(embeddingLevel, type switch { RLO => R, LRO => L, _ => ON }, false);
                    }
                    else if (overflowIsolates == 0)
                    {
                        overflowEmbeddings++;
                    }
                    break;
                case RLI or LRI or FSI:
                    // X5a-X5c.
                    if (top.Override != ON)
                    {
                        types[i] = top.Override;
                    }
                    var rightToLeft = type == RLI || (type == FSI && FirstStrongRule.Level(classes[(i + 1)..], stopAtClosingIsolate: true) == 1);
                    var isolateLevel = NextLevel(top.Level, rightToLeft);
                    if (isolateLevel <= MaxDepth && overflowIsolates == 0 && overflowEmbeddings == 0)
                    {
                        validIsolates++;
                        stack[depth++] = new DirectionalStatus(isolateLevel, ON, true);
                    }
                    else
                    {
                        overflowIsolates++;
                    }
                    break;
                case PDI:
                    // X6a.
                    if (overflowIsolates > 0)
                    {
                        overflowIsolates--;
                    }
                    else if (validIsolates > 0)
                    {
                        overflowEmbeddings = 0;
                        while (!stack[depth - 1].IsIsolate)
                        {
                            depth--;
                        }
                        depth--;
                        validIsolates--;
                    }
                    top = stack[depth - 1];
                    levels[i] = top.Level;
                    if (top.Override != ON)
                    {
                        types[i] = top.Override;
                    }
                    break;
                case PDF:
                    // X7.
                    if (overflowIsolates == 0)
                    {
                        if (overflowEmbeddings > 0)
                        {
                            overflowEmbeddings--;
                        }
                        else if (!top.IsIsolate && depth >= 2)
                        {
                            depth--;
                        }
                    }
                    break;
                case B:
                    // X8: the separator ends every embedding and takes the paragraph's level.
                    levels[i] = paragraph.Level;
                    break;
                case BN:
                    break;
                default:
                    // X6.
                    if (top.Override != ON)
                    {
                        types[i] = top.Override;
                    }
                    break;
            }
        }
    }

    /// <summary>The least odd (right to left) or even (left to right) level greater than <paramref name="level"/>.</summary>
    private static byte NextLevel(byte level, bool rightToLeft) =>
        (byte)(rightToLeft ? (level + 1) | 1 : (level + 2) & ~1);
}
