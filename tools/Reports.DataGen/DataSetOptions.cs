namespace Reports.DataGen;

/// <summary>The shape of a generated data set. The same options always give byte-identical files.</summary>
public sealed record DataSetOptions
{
    public int Features { get; init; } = 19;

    /// <summary>Mean number of active prompts per feature; the actual count varies per feature.</summary>
    public int PromptsPerFeature { get; init; } = 18;

    /// <summary>Mean length of <c>tokenized_prompt</c>.</summary>
    public int TokensPerPrompt { get; init; } = 12;

    public int Seed { get; init; } = 42;

    /// <summary>How the prompts JSONL is written (whose writer's bytes).</summary>
    public WriterStyle Style { get; init; } = WriterStyle.Compact;

    /// <summary>What the prompts and tokens hold.</summary>
    public TextMix Text { get; init; } = TextMix.Latin;

    public IReadOnlyList<string> Labels { get; init; } = ["analysis", "code", "creative", "math", "medical", "therapy", "trivia"];

    /// <summary>Fraction of the features in the prompts file that get a row in the descriptions file.</summary>
    public double DescribedFraction { get; init; } = 1.0;

    /// <summary>Feature ids are drawn, sparse and increasing, from [0, max(16384, 8 x Features)) like a 16k SAE's.</summary>
    public int IdSpace => Math.Max(16384, Features * 8);
}
