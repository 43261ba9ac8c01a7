using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Definition BD9: which PDI closes which isolate initiator. Matching counts only isolates, not embeddings, and
/// ignores the depth limit, so it runs before the explicit rules.
/// </summary>
internal static class IsolateMatching
{
    /// <summary>Fills <see cref="BidiParagraph.IsolatePartners"/>, using <paramref name="openIsolates"/> as the stack.</summary>
    public static void Match(in BidiParagraph paragraph, Span<int> openIsolates)
    {
        var partners = paragraph.IsolatePartners;
        var open = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            partners[i] = -1;
            switch (paragraph.Classes[i])
            {
                case LRI or RLI or FSI:
                    openIsolates[open++] = i;
                    break;
                case PDI when open > 0:
                    var initiator = openIsolates[--open];
                    partners[initiator] = i;
                    partners[i] = initiator;
                    break;
                default:
                    break;
            }
        }
    }
}
