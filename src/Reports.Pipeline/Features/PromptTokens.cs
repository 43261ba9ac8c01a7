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
            strongest = (Display(best.Token), best.Activation);
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
            var text = Display(pieces[i]);
            // The first word's marker would indent the prompt by a space.
            shown.Add(new ShadedToken(i == 0 ? text.TrimStart(' ') : text, activations[i], i == strongestIndex));
        }

        if (end < pieces.Count)
        {
            shown.Add(new ShadedToken(" …", 0, false));
        }

        return new PromptEvidence(rank, prompt.Label, prompt.Activation, prompt.PromptId, shown, scaleMax, strongest);
    }

    /// <summary>SentencePiece marks a word start with '▁'; it is shown as the space it stands for.</summary>
    public static string Display(string token) => token.Replace('▁', ' ');
}
