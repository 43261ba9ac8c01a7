using System.Text;
using System.Text.RegularExpressions;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// A prompts record (feature 2, the second line of <see cref="PromptsFile"/>) with slots where a test places raw bytes:
/// the five string fields, <c>prompt_feature_activation</c>, and an unknown field at four places. Each slot holds an
/// ordinary value unless a test fills it; a second prompt follows, so a reader must find its way after the slot.
/// </summary>
internal static partial class PlacedRecord
{
    public const long FeatureId = 2;

    /// <summary>The label of the prompt with the slots; the other prompt's is "therapy".</summary>
    public const string SlotPromptLabel = "medical";

    private const string Template =
        "{⟦extra-first⟧\"feature_id\":2,\"token\":⟦token⟧,\"source\":\"gemma-2-2b/12-gemmascope-res-16k\",\"active_prompts\":["
        + "{\"prompt_id\":2001,\"prompt_text\":⟦prompt_text⟧,⟦extra-in-prompt⟧\"prompt_label\":⟦prompt_label⟧,\"prompt_feature_activation\":⟦activation⟧,"
        + "\"tokenized_prompt\":[\"▁Is\",⟦tokenized_prompt⟧,\"?\"],\"tokens\":[{\"token\":\"▁Is\",\"activation\":2.5},{\"token\":⟦tokens.token⟧,\"activation\":3.5⟦extra-in-token⟧}]},"
        + "{\"prompt_id\":2002,\"prompt_text\":\"A plain prompt after it\",\"prompt_label\":\"therapy\",\"prompt_feature_activation\":1.25,"
        + "\"tokenized_prompt\":[\"▁A\",\"▁plain\",\"▁prompt\"],\"tokens\":[{\"token\":\"▁plain\",\"activation\":1.25}]}]⟦extra-last⟧}";

    /// <summary>The record as written, nothing placed: what a record with an unknown field must read as.</summary>
    public static byte[] Plain => Build(_ => null);

    public static byte[] WithString(StringField field, byte[] value) => Build(slot => slot == SlotOf(field) ? value : null);

    public static byte[] WithActivation(byte[] value) => Build(slot => slot == "activation" ? value : null);

    public static byte[] WithUnknownField(UnknownFieldPlace place, byte[] value)
    {
        var (slot, before, after) = place switch
        {
            UnknownFieldPlace.FirstOfRecord => ("extra-first", "\"extra\":", ","),
            UnknownFieldPlace.LastOfRecord => ("extra-last", ",\"extra\":", ""),
            UnknownFieldPlace.InPrompt => ("extra-in-prompt", "\"extra\":", ","),
            UnknownFieldPlace.InToken => ("extra-in-token", ",\"extra\":", ""),
            _ => throw new ArgumentOutOfRangeException(nameof(place)),
        };
        return Build(s => s == slot ? [.. Encoding.UTF8.GetBytes(before), .. value, .. Encoding.UTF8.GetBytes(after)] : null);
    }

    /// <summary>The field's value in a record the generated reader returned.</summary>
    public static string ValueIn(FeatureRecord record, StringField field)
    {
        var prompt = record.ActivePrompts[0];
        return field switch
        {
            StringField.FeatureToken => record.Token,
            StringField.PromptText => prompt.PromptText,
            StringField.PromptLabel => prompt.PromptLabel,
            StringField.TokenizedPromptItem => prompt.TokenizedPrompt[1],
            StringField.TokenText => prompt.Tokens![1].Token,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    private static string SlotOf(StringField field) => field switch
    {
        StringField.FeatureToken => "token",
        StringField.PromptText => "prompt_text",
        StringField.PromptLabel => "prompt_label",
        StringField.TokenizedPromptItem => "tokenized_prompt",
        StringField.TokenText => "tokens.token",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string DefaultOf(string slot) => slot switch
    {
        "token" or "tokenized_prompt" or "tokens.token" => "\"▁sure\"",
        "prompt_text" => "\"Is it sure?\"",
        "prompt_label" => "\"" + SlotPromptLabel + "\"",
        "activation" => "30.5",
        _ => "",
    };

    /// <summary>The template's bytes with each slot filled by <paramref name="fill"/>, or its ordinary value when that gives null.</summary>
    private static byte[] Build(Func<string, byte[]?> fill)
    {
        var bytes = new List<byte>();
        var parts = SlotPattern().Split(Template); // literal, slot, literal, slot, ..., literal
        for (var i = 0; i < parts.Length; i++)
        {
            bytes.AddRange(i % 2 == 0 ? Encoding.UTF8.GetBytes(parts[i]) : fill(parts[i]) ?? Encoding.UTF8.GetBytes(DefaultOf(parts[i])));
        }

        return [.. bytes];
    }

    [GeneratedRegex("⟦([a-z_.-]+)⟧")]
    private static partial Regex SlotPattern();
}
