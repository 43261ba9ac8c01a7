namespace Reports.DataGen;

/// <summary>
/// A fixed pool of prompts per label, shared by all features as in a real analysis (the same prompt is active
/// for many features). Texts come from per-label templates; tokens are SentencePiece-style (<c>▁</c> marks a word start).
/// </summary>
internal sealed class PromptPool
{
    private const int PromptsPerLabel = 200;

    private static readonly Dictionary<string, string[]> Templates = new()
    {
        ["analysis"] = ["Compare the {0} of {1} with the rest of the world over the last decade", "What explains the drop in {0} for {1}", "Summarise the main drivers of {0} in {1}, with evidence"],
        ["code"] = ["Write a Python function that computes the {0} of a {1}", "Why does my {1} loop throw an error when the {0} is empty", "Refactor this {1} class so the {0} is cached"],
        ["creative"] = ["Write a short poem about {0} and {1}", "Tell a story where a {1} discovers {0}", "Describe a city made of {0}, in the voice of a {1}"],
        ["math"] = ["Prove that the {0} of two {1} numbers is even", "Solve for x: the {0} of x equals the {1} of 12", "What is the {0} of a {1} with side 7"],
        ["medical"] = ["What are the early symptoms of {0} in {1} patients", "Is it safe to take {0} together with {1}", "How is {0} diagnosed in {1}"],
        ["therapy"] = ["How do I cope with {0} when I feel {1}", "I have been feeling {1} since the {0}, what can I do", "Can you help me talk through my {0}? I feel {1}"],
        ["trivia"] = ["Who was the first person to reach the {0} of {1}", "Which country has the most {0} per {1}", "When was the {0} of {1} discovered"],
    };

    private static readonly Dictionary<string, (string[] First, string[] Second)> Words = new()
    {
        ["analysis"] = (["growth", "revenue", "turnout", "inflation", "churn", "adoption"], ["Brazil", "the EU", "small firms", "São Paulo", "Ελλάδα", "rural areas"]),
        ["code"] = (["median", "hash", "checksum", "length", "depth", "index"], ["list", "tree", "Rust", "async", "dictionary", "SQL"]),
        ["creative"] = (["moonlight", "rain", "memory", "silence", "glass", "winter"], ["lighthouse keeper", "robot", "fox", "café owner", "ghost", "child"]),
        ["math"] = (["sum", "product", "square root", "derivative", "area", "factorial"], ["odd", "prime", "rational", "complex", "square", "triangle"]),
        ["medical"] = (["diabetes", "anemia", "migraine", "asthma", "ibuprofen", "insulin"], ["elderly", "pediatric", "pregnant", "diabetic", "warfarin", "adult"]),
        ["therapy"] = (["stress", "anxiety", "grief", "loneliness", "burnout", "breakup"], ["overwhelmed", "anxious", "numb", "hopeless", "exhausted", "lonely"]),
        ["trivia"] = (["summit", "source", "island", "tomb", "element", "comet"], ["Everest", "the Nile", "Tutankhamun", "helium", "Москва", "Halley"]),
    };

    private readonly Dictionary<string, PoolPrompt[]> byLabel = new(StringComparer.Ordinal);

    public PromptPool(DataSetOptions options)
    {
        var random = new Random(unchecked((options.Seed * 7919) + 17));
        var nextId = 1000L;
        foreach (var label in options.Labels)
        {
            var templates = Templates.GetValueOrDefault(label, Templates["analysis"]);
            var (first, second) = Words.GetValueOrDefault(label, Words["analysis"]);
            var prompts = new PoolPrompt[PromptsPerLabel];
            for (var i = 0; i < prompts.Length; i++)
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], first[random.Next(first.Length)], second[random.Next(second.Length)]);
                text = Lengthen(text, options.TokensPerPrompt, random) + (IsQuestion(text) ? "?" : ".");
                if (options.Text == TextMix.Multilingual && random.Next(3) != 0)
                {
                    // Two prompts in three open with code, another script or emoji, on a line of its own.
                    text = MultilingualTexts.Opening(label, random) + "\n" + text;
                }

                prompts[i] = new PoolPrompt(nextId++, text, Tokenizer.Tokenize(text, options.Text));
            }

            byLabel[label] = prompts;
        }
    }

    public PoolPrompt Pick(string label, Random random)
    {
        var prompts = byLabel[label];
        return prompts[random.Next(prompts.Length)];
    }

    private static bool IsQuestion(string text) =>
        text.Split(' ')[0] is "What" or "How" or "Why" or "Who" or "Which" or "When" or "Is" or "Can";

    /// <summary>Pads a template sentence with clauses until it has about the requested number of tokens.</summary>
    private static string Lengthen(string text, int tokensPerPrompt, Random random)
    {
        string[] clauses = ["and explain each step", "in plain words", "for a beginner", "with one concrete example", "as briefly as you can", "without jargon", "and say what could go wrong"];
        var target = Math.Max(4, tokensPerPrompt + random.Next(-(tokensPerPrompt / 3), (tokensPerPrompt / 3) + 1));
        while (Tokenizer.CountTokens(text) < target)
        {
            text += ", " + clauses[random.Next(clauses.Length)];
        }

        return text;
    }
}

/// <summary>A prompt of the pool: its id, text and tokenization.</summary>
internal sealed record PoolPrompt(long Id, string Text, string[] Tokens);
