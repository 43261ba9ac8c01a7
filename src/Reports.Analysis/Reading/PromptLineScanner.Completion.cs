using System.Text.Json;
using Reports.Analysis.Evidence;

namespace Reports.Analysis.Reading;

/// <summary>The strongest prompts, kept by their place while scanning, read back whole for the pages.</summary>
internal sealed partial class PromptLineScanner
{
    /// <summary>A prompt that made the top k, read whole from its JSON object (validated by the scan, so this cannot fail).</summary>
    public static TopPrompt Complete(TopPrompt prompt, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        string text = "";
        var tokenized = new List<string>();
        var shaded = new List<ActivePromptToken>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (IsName(ref reader, "prompt_text"u8))
            {
                reader.Read();
                text = Text(ref reader);
            }
            else if (IsName(ref reader, "tokenized_prompt"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    tokenized.Add(Text(ref reader));
                }
            }
            else if (IsName(ref reader, "tokens"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    string token = "";
                    double activation = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isToken = IsName(ref reader, "token"u8);
                        var isActivation = IsName(ref reader, "activation"u8);
                        reader.Read();
                        if (isToken)
                        {
                            token = Text(ref reader);
                        }
                        else if (isActivation)
                        {
                            activation = reader.GetDouble();
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    shaded.Add(new ActivePromptToken { Token = token, Activation = activation });
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return prompt with { Text = text, TokenizedPrompt = tokenized, Tokens = shaded, Pending = null };
    }

    /// <summary>A string as the generated reader reads it: a lone surrogate escape is U+FFFD (that reader counted it).</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            return Reports.Schema.JsonEscapes.DecodeReplacingLoneSurrogates(reader.ValueSpan);
        }
    }

    /// <summary>Whether the property name is <paramref name="name"/>; a name with a lone surrogate escape is none of ours.</summary>
    private static bool IsName(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.ValueIsEscaped ? Text(ref reader) == System.Text.Encoding.UTF8.GetString(name) : reader.ValueTextEquals(name);
}
