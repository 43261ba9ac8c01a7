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
    internal double ShadingMax => TopPrompts.Select(p => p.ScaleMax).DefaultIfEmpty(0).Max();

    internal const string DistributionNote = "Every prompt is a square over its category's mean bar. Categories and colours are the same on every feature page.";

    /// <summary>Steps of the key, from 0 to <see cref="ShadingMax"/>.</summary>
    internal const int ShadingSteps = 5;

    /// <summary>
    /// The token shading's key: its values from 0 to <see cref="ShadingMax"/>, each shaded as a token of that activation,
    /// so the scale reads by its numbers in greyscale print too. Drawn as the prompts are.
    /// </summary>
    internal IReadOnlyList<ShadedToken> ShadingScale
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

    internal string ShadingKey => string.Create(CultureInfo.InvariantCulture,
        $"Each token's background shows the feature's activation on it, from white at 0 to orange at {ShadingMax:0.000} (this feature's strongest token among these prompts), as in the scale above; the strongest token of each prompt is in bold; '…' marks text left out around a long prompt's strongest token.");
}
