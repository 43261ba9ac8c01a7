using System.Globalization;

namespace Reports.Rendering.Report;

/// <summary>A prompt shown token by token, each token shaded by the feature's activation on it.</summary>
/// <param name="Tokens">The prompt's tokens (or a window around the strongest one, with "…" at cut ends).</param>
/// <param name="ScaleMax">The top of this feature's shading scale (its strongest token activation over all shown prompts).</param>
/// <param name="Strongest">The token with the highest activation, and that activation; null without token data.</param>
public sealed record PromptEvidence(int Rank, string Label, double Activation, long PromptId, IReadOnlyList<ShadedToken> Tokens, double ScaleMax, (string Token, double Activation)? Strongest)
{
    /// <summary>The line above the prompt: rank, category, activation, id and strongest token.</summary>
    internal string Caption => string.Create(CultureInfo.InvariantCulture,
        $"#{Rank} · {Label} · activation {Activation:0.000} · prompt {PromptId}") + (Strongest is { } s
            ? string.Create(CultureInfo.InvariantCulture, $" · strongest token “{s.Token.Trim()}” ({s.Activation:0.000})")
            : " · no token data for this prompt");
}
