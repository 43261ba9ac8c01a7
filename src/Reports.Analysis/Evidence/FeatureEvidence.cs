namespace Reports.Analysis.Evidence;

/// <summary>
/// What a feature's page shows beyond its statistics and top tokens: its strongest prompts, whole, and every prompt's
/// activation per label (for the distribution plot). Read back from the prompts file for the features that get a page
/// (<see cref="Reading.FeatureEvidenceReader"/>), since no output needs it for every feature.
/// </summary>
public sealed class FeatureEvidence
{
    private FeatureEvidence(long featureId, IReadOnlyList<TopPrompt> topPrompts, IReadOnlyDictionary<string, IReadOnlyList<double>> activationsByLabel)
    {
        FeatureId = featureId;
        TopPrompts = topPrompts;
        ActivationsByLabel = activationsByLabel;
    }

    public long FeatureId { get; }

    /// <summary>The strongest prompts, strongest first, in <see cref="TopPrompt.Compare"/> order.</summary>
    public IReadOnlyList<TopPrompt> TopPrompts { get; }

    /// <summary>Every prompt's activation per label, in file order (files in order, records in file order, prompts in record order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> ActivationsByLabel { get; }

    /// <summary>The evidence of a feature gathered elsewhere (from partial aggregates): its strongest prompts in order, its activations in file order.</summary>
    internal static FeatureEvidence From(long featureId, IReadOnlyList<TopPrompt> topPrompts, Dictionary<string, List<double>> activations) =>
        new(featureId, topPrompts, activations.ToDictionary(a => a.Key, a => (IReadOnlyList<double>)[.. a.Value], StringComparer.Ordinal));

    /// <summary>Builds the evidence of one feature from its records, given in file order.</summary>
    internal sealed class Builder(long featureId, int topPromptCount)
    {
        private readonly TopPrompts strongest = new(topPromptCount);
        private readonly Dictionary<string, List<double>> activations = new(StringComparer.Ordinal);

        /// <summary>Adds a record of the feature, read at <paramref name="line"/> of prompts file <paramref name="source"/>.</summary>
        public void Add(FeatureRecord record, long line, int source = 0)
        {
            for (var index = 0; index < record.ActivePrompts.Count; index++)
            {
                var prompt = record.ActivePrompts[index];
                if (!activations.TryGetValue(prompt.PromptLabel, out var values))
                {
                    activations.Add(prompt.PromptLabel, values = []);
                }

                values.Add(prompt.PromptFeatureActivation);
                if (strongest.Admits(prompt.PromptFeatureActivation))
                {
                    strongest.Add(new TopPrompt(prompt.PromptId, prompt.PromptLabel, prompt.PromptFeatureActivation, prompt.PromptText, prompt.TokenizedPrompt, prompt.Tokens ?? [], line, index, source));
                }
            }
        }

        public FeatureEvidence Build() =>
            new(featureId, strongest.Strongest(), activations.ToDictionary(a => a.Key, a => (IReadOnlyList<double>)[.. a.Value], StringComparer.Ordinal));
    }
}
