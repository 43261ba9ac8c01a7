using System.Runtime.CompilerServices;

namespace Reports.Analysis.Reading;

/// <summary>The scan of one line: what it finds is kept in <c>prompts</c> and <c>tokens</c> until the line is committed or declined.</summary>
internal sealed partial class PromptLineScanner
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScan(ReadOnlySpan<byte> line, out long featureId)
    {
        prompts.Clear();
        tokens.Clear();
        featureId = 0;
        var json = new JsonCursor(line, scratch);
        bool sawId = false, sawToken = false, sawSource = false, sawPrompts = false;
        if (!json.TryConsume((byte)'{') || json.Peek() == '}')
        {
            return false;
        }

        do
        {
            if (!json.TryReadPlainString(out var name) || !json.TryConsume((byte)':'))
            {
                return false;
            }

            var ok = name switch
            {
                _ when name.SequenceEqual("feature_id"u8) => Once(ref sawId) && json.TryReadInt64(out featureId),
                _ when name.SequenceEqual("token"u8) => Once(ref sawToken) && json.Peek() == '"' && json.TrySkipString(),
                _ when name.SequenceEqual("source"u8) => Once(ref sawSource) && json.Peek() == '"' && json.TrySkipString(),
                _ when name.SequenceEqual("active_prompts"u8) => Once(ref sawPrompts) && TryScanPrompts(ref json),
                _ => json.TrySkipValue(depth: 1),
            };
            if (!ok)
            {
                return false;
            }
        }
        while (json.TryConsume((byte)','));

        if (!json.TryConsume((byte)'}'))
        {
            return false;
        }

        json.SkipWhitespace();
        return json.AtEnd && sawId && sawToken && sawSource && sawPrompts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanPrompts(ref JsonCursor json)
    {
        if (!json.TryConsume((byte)'['))
        {
            return false;
        }

        if (json.TryConsume((byte)']'))
        {
            return true;
        }

        do
        {
            if (!TryScanPrompt(ref json))
            {
                return false;
            }
        }
        while (json.TryConsume((byte)','));

        return json.TryConsume((byte)']');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanPrompt(ref JsonCursor json)
    {
        var prompt = new Prompt { FirstToken = tokens.Count };
        json.SkipWhitespace();
        prompt.ObjectStart = json.Position;
        var checkpoint = json.Checkpoint();
        if (!TryScanPromptInSampleOrder(ref json, ref prompt))
        {
            // Another order, or something wrong: field by field, by name.
            json.Rewind(checkpoint);
            tokens.RemoveRange(prompt.FirstToken, tokens.Count - prompt.FirstToken);
            if (!TryScanPromptByName(ref json, ref prompt))
            {
                return false;
            }
        }

        prompt.ObjectEnd = json.Position;
        prompt.TokenCount = tokens.Count - prompt.FirstToken;
        prompts.Add(prompt);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanPromptByName(ref JsonCursor json, ref Prompt prompt)
    {
        bool sawId = false, sawText = false, sawLabel = false, sawActivation = false, sawTokenized = false, sawTokens = false;
        if (!json.TryConsume((byte)'{') || json.Peek() == '}')
        {
            return false;
        }

        do
        {
            if (!json.TryReadPlainString(out var name) || !json.TryConsume((byte)':'))
            {
                return false;
            }

            var ok = name switch
            {
                _ when name.SequenceEqual("prompt_label"u8) => Once(ref sawLabel) && json.TryReadString(out prompt.Label),
                _ when name.SequenceEqual("prompt_feature_activation"u8) => Once(ref sawActivation) && json.TryReadDouble(out prompt.Activation),
                _ when name.SequenceEqual("prompt_id"u8) => Once(ref sawId) && json.TryReadInt64(out prompt.PromptId),
                _ when name.SequenceEqual("prompt_text"u8) => Once(ref sawText) && json.Peek() == '"' && json.TrySkipString(),
                _ when name.SequenceEqual("tokenized_prompt"u8) => Once(ref sawTokenized) && json.TrySkipStringArray(),
                _ when name.SequenceEqual("tokens"u8) => Once(ref sawTokens) && TryScanTokens(ref json),
                _ => json.TrySkipValue(depth: 3),
            };
            if (!ok)
            {
                return false;
            }
        }
        while (json.TryConsume((byte)','));

        return json.TryConsume((byte)'}') && sawId && sawText && sawLabel && sawActivation && sawTokenized;
    }

    /// <summary>
    /// A prompt whose fields come in the schema sample's order, with or without spaces: each name is one comparison
    /// with the bytes expected next instead of a read and a look-up. False at the first surprise, and the caller starts over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanPromptInSampleOrder(ref JsonCursor json, ref Prompt prompt)
    {
        if (!(json.TryConsume((byte)'{') && json.TryConsumeName("prompt_id"u8) && json.TryReadInt64(out prompt.PromptId)
            && json.TryConsume((byte)',') && json.TryConsumeName("prompt_text"u8) && json.TrySkipString()
            && json.TryConsume((byte)',') && json.TryConsumeName("prompt_label"u8) && json.TryReadString(out prompt.Label)
            && json.TryConsume((byte)',') && json.TryConsumeName("prompt_feature_activation"u8) && json.TryReadDouble(out prompt.Activation)
            && json.TryConsume((byte)',') && json.TryConsumeName("tokenized_prompt"u8) && json.TrySkipStringArray()))
        {
            return false;
        }

        // "tokens" may be absent, as in the sample.
        if (json.TryConsume((byte)','))
        {
            return json.TryConsumeName("tokens"u8) && TryScanTokens(ref json) && json.TryConsume((byte)'}');
        }

        return json.TryConsume((byte)'}');
    }

    /// <summary><c>tokens</c>: an array of {"token": string, "activation": number}.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanTokens(ref JsonCursor json)
    {
        if (!json.TryConsume((byte)'['))
        {
            return false;
        }

        if (json.TryConsume((byte)']'))
        {
            return true;
        }

        do
        {
            var token = default(Token);

            // The sample's order first: {"token": "...", "activation": n}.
            json.SkipWhitespace();
            var start = json.Checkpoint();
            if (json.TryConsume((byte)'{') && json.TryConsumeName("token"u8) && json.TryReadString(out token.Text)
                && json.TryConsume((byte)',') && json.TryConsumeName("activation"u8) && json.TryReadDouble(out token.Activation) && json.TryConsume((byte)'}'))
            {
                tokens.Add(token);
                continue;
            }

            json.Rewind(start);
            bool sawText = false, sawActivation = false;
            if (!json.TryConsume((byte)'{') || json.Peek() == '}')
            {
                return false;
            }

            do
            {
                if (!json.TryReadPlainString(out var name) || !json.TryConsume((byte)':'))
                {
                    return false;
                }

                var ok = name switch
                {
                    _ when name.SequenceEqual("token"u8) => Once(ref sawText) && json.TryReadString(out token.Text),
                    _ when name.SequenceEqual("activation"u8) => Once(ref sawActivation) && json.TryReadDouble(out token.Activation),
                    _ => json.TrySkipValue(depth: 5),
                };
                if (!ok)
                {
                    return false;
                }
            }
            while (json.TryConsume((byte)','));

            if (!json.TryConsume((byte)'}') || !sawText || !sawActivation)
            {
                return false;
            }

            tokens.Add(token);
        }
        while (json.TryConsume((byte)','));

        return json.TryConsume((byte)']');
    }

    private static bool Once(ref bool seen)
    {
        // A field given twice goes to the generated reader, whose rule for it is the rule.
        if (seen)
        {
            return false;
        }

        seen = true;
        return true;
    }

    private struct Prompt
    {
        public int ObjectStart;
        public int ObjectEnd;
        public JsonText Label;
        public double Activation;
        public long PromptId;
        public int FirstToken;
        public int TokenCount;
    }

    private struct Token
    {
        public JsonText Text;
        public double Activation;
    }
}
