using static Reports.Rendering.Typography.Bidi.BidiClass;

namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// Rules W1-W7: nonspacing marks take their base's type, and numbers with their separators and terminators become
/// European or Arabic numbers, or take the direction of the strong text before them. Each rule runs over the whole
/// sequence before the next, as the rules are specified.
/// </summary>
internal static class WeakTypeRules
{
    /// <summary>Applies W1-W7 to the sequence's types.</summary>
    public static void Apply(in IsolatingRunSequence sequence)
    {
        var types = sequence.Types;

        // W1: a nonspacing mark takes the type before it; ON after an isolate initiator or PDI, sos at the start.
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] == NSM)
            {
                types[i] = i == 0 ? sequence.Start : types[i - 1] is LRI or RLI or FSI or PDI ? ON : types[i - 1];
            }
        }

        // W2: a European number after Arabic letters is an Arabic number. W3: Arabic letters are R.
        var lastStrong = sequence.Start;
        for (var i = 0; i < types.Length; i++)
        {
            switch (types[i])
            {
                case L or R:
                    lastStrong = types[i];
                    break;
                case AL:
                    lastStrong = AL;
                    types[i] = R;
                    break;
                case EN when lastStrong == AL:
                    types[i] = AN;
                    break;
                default:
                    break;
            }
        }

        // W4: a single separator between two numbers of the same kind joins them (ES only between European ones).
        for (var i = 1; i < types.Length - 1; i++)
        {
            var before = types[i - 1];
            if (before == types[i + 1] && ((types[i] == ES && before == EN) || (types[i] == CS && before is EN or AN)))
            {
                types[i] = before;
            }
        }

        // W5: terminators next to a European number are part of it.
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] != ET)
            {
                continue;
            }
            var end = i;
            while (end < types.Length && types[end] == ET)
            {
                end++;
            }
            if ((i > 0 && types[i - 1] == EN) || (end < types.Length && types[end] == EN))
            {
                types[i..end].Fill(EN);
            }
            i = end - 1;
        }

        // W6: the remaining separators and terminators are neutral. W7: European numbers in left-to-right text are L.
        lastStrong = sequence.Start;
        for (var i = 0; i < types.Length; i++)
        {
            switch (types[i])
            {
                case ES or ET or CS:
                    types[i] = ON;
                    break;
                case L or R:
                    lastStrong = types[i];
                    break;
                case EN when lastStrong == L:
                    types[i] = L;
                    break;
                default:
                    break;
            }
        }
    }
}
