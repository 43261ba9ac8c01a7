using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rules P2-P3, which choose a paragraph's level from its first strong character, and which X5c reuses to give an
/// FSI the direction of the text it isolates. Characters inside nested isolates do not count.
/// </summary>
internal static class FirstStrongRule
{
    /// <summary>
    /// 0 when the first strong character is L, 1 when it is R or AL, -1 when there is none before the end of the
    /// paragraph (a paragraph separator) or, with <paramref name="stopAtClosingIsolate"/>, before the PDI that
    /// closes the isolate the classes start in.
    /// </summary>
    public static int Level(ReadOnlySpan<BidiClass> classes, bool stopAtClosingIsolate)
    {
        var openIsolates = 0;
        foreach (var type in classes)
        {
            switch (type)
            {
                case L when openIsolates == 0:
                    return 0;
                case R or AL when openIsolates == 0:
                    return 1;
                case LRI or RLI or FSI:
                    openIsolates++;
                    break;
                case PDI when openIsolates > 0:
                    openIsolates--;
                    break;
                case PDI when stopAtClosingIsolate:
                case B:
                    return -1;
                default:
                    break;
            }
        }
        return -1;
    }
}
