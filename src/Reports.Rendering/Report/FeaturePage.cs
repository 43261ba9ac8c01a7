using System.Globalization;

namespace Reports.Rendering.Report;

/// <summary>One feature's section: who it is, how it fires per category, and its strongest prompts token by token.</summary>
public sealed record FeaturePage
{
    public required string FeatureId { get; init; }

    /// <summary>The named destination of the section (the description table and the contents link to it).</summary>
    public required string Anchor { get; init; }

    public required string Type { get; init; }

    public required string Description { get; init; }

    public string? Link { get; init; }

    /// <summary>The description row's statistics: one row, a column each.</summary>
    public required TableModel Statistics { get; init; }

    /// <summary>Activations per category, in the report's category order (the same on every page).</summary>
    public required IReadOnlyList<(string Label, IReadOnlyList<double> Values)> Distribution { get; init; }

    public required TableModel Contrast { get; init; }

    /// <summary>A sentence naming the category where the feature is most specific.</summary>
    public required string MostSpecific { get; init; }

    public required IReadOnlyList<PromptEvidence> TopPrompts { get; init; }

    public required TableModel TopTokens { get; init; }

    /// <summary>The top of the page's token shading scale: its strongest token activation among the shown prompts.</summary>
    public double ShadingMax => TopPrompts.Select(p => p.ScaleMax).DefaultIfEmpty(0).Max();

    public const string DistributionNote = "Every prompt is a square over its category's mean bar. Categories and colours are the same on every feature page.";

    /// <summary>Steps of the key, from 0 to <see cref="ShadingMax"/>.</summary>
    public const int ShadingSteps = 5;

    /// <summary>
    /// The token shading's key: its values from 0 to <see cref="ShadingMax"/>, each shaded as a token of that activation,
    /// so the scale reads by its numbers in greyscale print too. Drawn as the prompts are.
    /// </summary>
    public IReadOnlyList<ShadedToken> ShadingScale
    {
        get
        {
            var max = ShadingMax;
            var steps = new List<ShadedToken> { new("Shading scale:", 0, IsStrongest: false) };
            for (var i = 0; i < ShadingSteps; i++)
            {
                var value = max * i / (ShadingSteps - 1);
                steps.Add(new ShadedToken(string.Create(CultureInfo.InvariantCulture, $"   {value:0.000}"), value, IsStrongest: i == ShadingSteps - 1));
            }

            return steps;
        }
    }

    public string ShadingKey => string.Create(CultureInfo.InvariantCulture,
        $"Each token's background shows the feature's activation on it, from white at 0 to orange at {ShadingMax:0.000} (this feature's strongest token among these prompts), as in the scale above; the strongest token of each prompt is in bold; '…' marks text left out around a long prompt's strongest token.");
}

/// <summary>A prompt shown token by token, each token shaded by the feature's activation on it.</summary>
/// <param name="Tokens">The prompt's tokens (or a window around the strongest one, with "…" at cut ends).</param>
/// <param name="ScaleMax">The top of this feature's shading scale (its strongest token activation over all shown prompts).</param>
/// <param name="Strongest">The token with the highest activation, and that activation; null without token data.</param>
public sealed record PromptEvidence(int Rank, string Label, double Activation, long PromptId, IReadOnlyList<ShadedToken> Tokens, double ScaleMax, (string Token, double Activation)? Strongest)
{
    /// <summary>The line above the prompt: rank, category, activation, id and strongest token.</summary>
    public string Caption => string.Create(CultureInfo.InvariantCulture,
        $"#{Rank} · {Label} · activation {Activation:0.000} · prompt {PromptId}") + (Strongest is { } s
            ? string.Create(CultureInfo.InvariantCulture, $" · strongest token “{s.Token.Trim()}” ({s.Activation:0.000})")
            : " · no token data for this prompt");
}

/// <summary>
/// A token as shown: its text (SentencePiece's '▁' already a space, a line feed a return mark), its activation (0 where
/// the feature is silent), whether it is the strongest, and whether the prompt's line ends after it.
/// </summary>
public sealed record ShadedToken(string Text, double Activation, bool IsStrongest, bool EndsLine = false);
