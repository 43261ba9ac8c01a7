using System.Globalization;

namespace Reports.DataGen;

/// <summary>The free texts of a description row: auto-interpretations with commas, quotes, line breaks and non-ASCII text.</summary>
internal static class DescriptionTexts
{
    private static readonly Dictionary<string, string> Topics = new()
    {
        ["analysis"] = "comparative, data-driven questions (\"compare X and Y\")",
        ["code"] = "programming requests, especially Python and SQL snippets",
        ["creative"] = "requests for poems, stories and imaginative writing — e.g. «a city made of glass»",
        ["math"] = "proofs and arithmetic, from square roots to factorials",
        ["medical"] = "symptoms, drugs and diagnoses (insulin, warfarin, migraine)",
        ["therapy"] = "first-person emotional distress: stress, grief, loneliness, “feeling overwhelmed”",
        ["trivia"] = "factual who/when/where questions — Everest, the Nile, Москва",
    };

    private static readonly string[] ClaudeTypes = ["Personal", "Emotional", "Technical", "Factual", "Creative"];

    public static string Topic(string theme) => Topics.GetValueOrDefault(theme, "prompts of the '" + theme + "' category");

    public static string ChatDescription(FeaturePlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"Chat model: activates on {Topic(plan.Theme)}.");

    public static string PretrainingDescription(FeaturePlan plan) => (plan.Index % 3) switch
    {
        0 => $"Pretraining text about {plan.Theme}, often in lists, FAQs and forum posts.",
        1 => $"Pretraining: \"{plan.Theme}\" passages;\nalso headings and bullet points.",
        _ => $"Mixed web text; strongest on {plan.Theme} (ψ-score high, Zoë's corpus).",
    };

    public static string ClaudeCompletion(FeaturePlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"The feature responds to {Topic(plan.Theme)}. It is {(plan.LabelWeights.Count(w => w > 0) <= 3 ? "specific" : "broad")}, peaking at about {plan.LabelMeans.Max():0.0}.");

    public static string ClaudeDescription(FeaturePlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"Detects {Topic(plan.Theme)}; it fires most strongly on the key noun and stays quiet on boilerplate, greetings and code comments. Useful as a marker of the \"{plan.Theme}\" category in personal vs. general analyses.");

    public static string ClaudeType(FeaturePlan plan) => ClaudeTypes[plan.Index % ClaudeTypes.Length];

    /// <summary>About one row in eight has no auto-interpretation, as after a left join; the fourth row always qualifies so schema samples see it.</summary>
    public static bool HasClaudeInterpretation(FeaturePlan plan) => plan.Index % 8 != 3;
}
