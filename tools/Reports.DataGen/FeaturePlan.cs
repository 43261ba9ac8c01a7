namespace Reports.DataGen;

/// <summary>
/// What one feature looks like: its id, which labels it fires on and how strongly, how many prompts it has,
/// and whether it is described. Both files are written from the same plans, so they agree (num_prompts).
/// </summary>
internal sealed record FeaturePlan(int Index, long Id, string Theme, double[] LabelMeans, double[] LabelWeights, int PromptCount, bool Described)
{
    /// <summary>A random source for this feature alone, so its prompts do not depend on the features before it.</summary>
    public Random NewRandom(int seed) => new(unchecked((seed * 1_000_003) + (Index * 7_919) + 1));

    public static FeaturePlan[] Create(DataSetOptions options)
    {
        var random = new Random(options.Seed);
        var labels = options.Labels;
        var step = options.IdSpace / options.Features;
        var plans = new FeaturePlan[options.Features];
        for (var i = 0; i < plans.Length; i++)
        {
            var id = ((long)i * step) + random.Next(Math.Max(1, step));

            // Half the features are specific to one theme label; the others fire broadly at a lower level.
            var theme = labels[random.Next(labels.Count)];
            var specific = random.NextDouble() < 0.5;
            var means = new double[labels.Count];
            var weights = new double[labels.Count];
            for (var l = 0; l < labels.Count; l++)
            {
                var isTheme = labels[l] == theme;
                means[l] = specific ? (isTheme ? 12 + (random.NextDouble() * 18) : 1 + (random.NextDouble() * 4)) : 3 + (random.NextDouble() * 9);
                weights[l] = specific ? (isTheme ? 6 : random.NextDouble() < 0.4 ? 0 : 1) : 0.5 + random.NextDouble();
            }

            var count = Math.Max(1, (int)Math.Round(options.PromptsPerFeature * (0.5 + random.NextDouble())));
            var described = random.NextDouble() < options.DescribedFraction;
            plans[i] = new FeaturePlan(i, id, theme, means, weights, count, described);
        }

        return plans;
    }
}
