using System.Runtime.CompilerServices;
using System.Text.Json;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;

namespace Reports.Analysis.Reading;

/// <summary>
/// The fast path for one line of the prompts file: it projects a feature record onto what the aggregation reads
/// (feature id; per prompt its label, activation and id; the per-token activations) and skips the rest (prompt text,
/// tokenized prompt) without materialising it. A line is first scanned whole, then committed, so a line that turns
/// out to need the generated reader (an error, an escaped label) leaves nothing half-added.
/// </summary>
/// <remarks>
/// It checks what the generated <see cref="FeatureRecordJsonlReader"/> checks for the schema sample's fields: each is
/// present when the sample always has it, of the sample's type, and the JSON grammar of every value. The field list
/// below follows <c>Schemas/personal_general_prompts.jsonl</c>; a test compares it with the generated records, so a
/// sample change that this scanner does not follow fails the build's tests.
/// </remarks>
internal sealed class PromptLineScanner
{
    private readonly List<Prompt> prompts = [];
    private readonly List<Token> tokens = [];
    private readonly Utf8Interner labels = new();
    private readonly Utf8Interner tokenTexts = new();

    // One record's statistics per label and tallies per token, indexed by interned id and reused line after line:
    // a record reaches the aggregate once per label, and only its top tokens reach the feature's evidence.
    private RunningStatistics[] labelStatistics = new RunningStatistics[16];
    private readonly List<int> labelsSeen = [];
    private TokenTally[] tokenTallies = new TokenTally[1024];
    private readonly List<int> tokensSeen = [];
    private KeyValuePair<string, TokenTally>[] recordTokens = new KeyValuePair<string, TokenTally>[256];

    // Labels and token texts with escapes, decoded; a line's texts never take more bytes than the line.
    private byte[] scratch = new byte[1 << 16];

    /// <summary>Adds the line to the aggregate and returns true, or returns false having added nothing.</summary>
    /// <param name="fileOffset">Where the line starts in the file: strongest-prompt candidates keep their place, not their text.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<byte> line, long lineNumber, long fileOffset, ActivationAggregate aggregate)
    {
        // Control characters are invalid in JSON strings and rare as whitespace: a line with any goes the slow way,
        // so strings can be skipped by looking for quotes and backslashes only.
        if (scratch.Length < line.Length)
        {
            scratch = new byte[Math.Max(line.Length, scratch.Length * 2)];
        }

        if (!Utf8Check.IsValidWithoutControls(line) || !TryScan(line, out var featureId))
        {
            return false;
        }

        aggregate.AddRecord(featureId, prompts.Count, lineNumber);
        var evidence = aggregate.EvidenceOf(featureId);
        for (var index = 0; index < prompts.Count; index++)
        {
            var prompt = prompts[index];
            var label = labels.Intern(prompt.Label.In(line, scratch));
            Grow(ref labelStatistics, labels.Count);
            if (labelStatistics[label].Count == 0)
            {
                labelsSeen.Add(label);
            }

            labelStatistics[label].Add(prompt.Activation);
            evidence.AddActivation(labels[label], prompt.Activation);
            for (var t = prompt.FirstToken; t < prompt.FirstToken + prompt.TokenCount; t++)
            {
                var token = tokenTexts.Intern(tokens[t].Text.In(line, scratch));
                Grow(ref tokenTallies, tokenTexts.Count);
                if (tokenTallies[token].Count == 0)
                {
                    tokensSeen.Add(token);
                }

                tokenTallies[token].Add(tokens[t].Activation);
            }

            if (evidence.TopPrompts.Admits(prompt.Activation))
            {
                evidence.TopPrompts.Add(new TopPrompt(prompt.PromptId, labels[label], prompt.Activation, "", [], [], lineNumber)
                {
                    Pending = (fileOffset + prompt.ObjectStart, prompt.ObjectEnd - prompt.ObjectStart),
                    Index = index,
                });
            }
        }

        foreach (var label in labelsSeen)
        {
            aggregate.AddPrompts(featureId, labels[label], labelStatistics[label]);
            labelStatistics[label] = default;
        }

        labelsSeen.Clear();
        Grow(ref recordTokens, tokensSeen.Count);
        for (var i = 0; i < tokensSeen.Count; i++)
        {
            var token = tokensSeen[i];
            recordTokens[i] = new(tokenTexts[token], tokenTallies[token]);
            tokenTallies[token] = default;
        }

        evidence.AddRecordTokens(recordTokens.AsSpan(0, tokensSeen.Count));
        tokensSeen.Clear();
        return true;
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(length, array.Length * 2));
        }
    }

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
