using System.Text.Json;

namespace Reports.Tests;

/// <summary>
/// The prompts of a JSONL file read independently of the code under test (System.Text.Json's DOM), with the rules the
/// issue states: strongest prompts by activation (ties by prompt id), strongest token of a prompt by activation (first
/// on ties), SentencePiece's '▁' shown as a space.
/// </summary>
internal static class PromptTruth
{
    public sealed record Token(string Text, double Activation);

    public sealed record Prompt(long Id, string Label, double Activation, string Text, IReadOnlyList<string> Tokenized, IReadOnlyList<Token> Tokens);

    public static Dictionary<long, List<Prompt>> ByFeature(string promptsPath)
    {
        var features = new Dictionary<long, List<Prompt>>();
        foreach (var line in File.ReadLines(promptsPath).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var id = document.RootElement.GetProperty("feature_id").GetInt64();
            if (!features.TryGetValue(id, out var prompts))
            {
                features[id] = prompts = [];
            }

            foreach (var prompt in document.RootElement.GetProperty("active_prompts").EnumerateArray())
            {
                prompts.Add(new Prompt(
                    prompt.GetProperty("prompt_id").GetInt64(),
                    prompt.GetProperty("prompt_label").GetString()!,
                    prompt.GetProperty("prompt_feature_activation").GetDouble(),
                    prompt.GetProperty("prompt_text").GetString()!,
                    Array(prompt, "tokenized_prompt", e => e.GetString()!),
                    Array(prompt, "tokens", e => new Token(e.GetProperty("token").GetString()!, e.GetProperty("activation").GetDouble()))));
            }
        }

        return features;
    }

    public static List<Prompt> Strongest(IEnumerable<Prompt> prompts, int count) =>
        [.. prompts.OrderByDescending(p => p.Activation).ThenBy(p => p.Id).Take(count)];

    public static Token? StrongestToken(Prompt prompt)
    {
        Token? best = null;
        foreach (var token in prompt.Tokens)
        {
            if (best is null || token.Activation > best.Activation)
            {
                best = token;
            }
        }

        return best;
    }

    public static string Display(string token) => token.Replace('▁', ' ');

    private static T[] Array<T>(JsonElement prompt, string name, Func<JsonElement, T> read) =>
        prompt.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray().Select(read)] : [];
}
