using Reports.Analysis.Evidence;
using Reports.Rendering.Report;

namespace Reports.Pipeline.Features;

/// <summary>
/// Lines a prompt's per-token activations up with its tokenized text, and cuts a long prompt to a window around its
/// strongest token. <c>tokens</c> lists the positions where the feature fires, in order, so it is matched against
/// <c>tokenized_prompt</c> front to back.
/// </summary>
public static class PromptTokens
{
    /// <summary>Prompts longer than this many tokens are shown as a window around the strongest token.</summary>
    public const int WindowBefore = 20;
    public const int WindowAfter = 28;

    public static PromptEvidence Evidence(TopPrompt prompt, int rank, double scaleMax)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var pieces = prompt.TokenizedPrompt.Count > 0 ? prompt.TokenizedPrompt : [.. prompt.Text.Split(' ').Select((w, i) => i == 0 ? w : "▁" + w)];
        var byteLevel = TokenText.IsByteLevel(pieces);
        var activations = new double[pieces.Count];
        var next = 0;
        for (var i = 0; i < pieces.Count && next < prompt.Tokens.Count; i++)
        {
            if (string.Equals(pieces[i], prompt.Tokens[next].Token, StringComparison.Ordinal))
            {
                activations[i] = prompt.Tokens[next++].Activation;
            }
        }

        (string, double)? strongest = null;
        var strongestIndex = -1;
        if (prompt.Tokens.Count > 0)
        {
            // The strongest token of the data (first on ties), whether or not it was found in the text.
            var best = prompt.Tokens.Aggregate((a, b) => b.Activation > a.Activation ? b : a);
            strongest = (TokenText.Display(best.Token, byteLevel).Text, best.Activation);
            strongestIndex = Array.FindIndex(activations, a => a == best.Activation);
        }

        var start = 0;
        var end = pieces.Count;
        if (pieces.Count > WindowBefore + WindowAfter && strongestIndex >= 0)
        {
            start = Math.Max(0, strongestIndex - WindowBefore);
            end = Math.Min(pieces.Count, strongestIndex + WindowAfter);
        }

        var shown = new List<ShadedToken>();
        if (start > 0)
        {
            shown.Add(new ShadedToken("… ", 0, false));
        }

        for (var i = start; i < end; i++)
        {
            var (text, endsLine) = TokenText.Display(pieces[i], byteLevel);
            // The first word's marker would indent the prompt (or a line after a line feed) by a space.
            var startsLine = i == 0 || shown is [.., { EndsLine: true }];
            shown.Add(new ShadedToken(startsLine ? text.TrimStart(' ') : text, activations[i], i == strongestIndex, endsLine));
        }

        if (end < pieces.Count)
        {
            shown.Add(new ShadedToken(" …", 0, false));
        }

        return new PromptEvidence(rank, prompt.Label, prompt.Activation, prompt.PromptId, shown, scaleMax, strongest);
    }

    /// <summary>A token on its own (a table's row), shown as <see cref="TokenText.Display"/> shows it in its prompt.</summary>
    public static string Display(string token) => TokenText.Display(token, TokenText.IsByteLevel([token])).Text;
}
