using System.Runtime.CompilerServices;
using PromptField = Reports.Analysis.ActivePromptJson.Field;
using RecordField = Reports.Analysis.FeatureRecordJson.Field;
using TokenField = Reports.Analysis.ActivePromptTokenJson.Field;

// The switches over a generated Field enum name every field and have no default arm, so that a field added to the
// schema sample is a compile error here (CS8509) rather than a field this scan lets through unchecked. Their values
// come from the generated TryFind or from counting up to Count: never a value the enum does not name.
#pragma warning disable CS8524

namespace Reports.Analysis.Reading;

/// <summary>
/// The scan of one line: what it finds is kept in <c>prompts</c> and <c>tokens</c> until the line is committed or declined.
/// The data's shape is the one the generator emits from the schema sample (<see cref="FeatureRecordJson"/>,
/// <see cref="ActivePromptJson"/>, <see cref="ActivePromptTokenJson"/>): the fields' names, which an object must have,
/// and the sample's order, in which the field after the last one read costs one comparison of its name (a writer
/// keeps one order) and any other is looked up. Each field's switch arm checks the sample's type for it.
/// </summary>
internal sealed partial class PromptLineScanner
{
    // What the scan projects must be there, whatever the sample says: an object without it goes to the generated reader.
    private const ulong RecordNeeds = FeatureRecordJson.Required | 1UL << (int)RecordField.FeatureId | 1UL << (int)RecordField.ActivePrompts;
    private const ulong PromptNeeds = ActivePromptJson.Required
        | 1UL << (int)PromptField.PromptId | 1UL << (int)PromptField.PromptLabel | 1UL << (int)PromptField.PromptFeatureActivation;
    private const ulong TokenNeeds = ActivePromptTokenJson.Required | 1UL << (int)TokenField.Token | 1UL << (int)TokenField.Activation;

    private static readonly byte[][] RecordNames = [.. Enumerable.Range(0, FeatureRecordJson.Count).Select(i => FeatureRecordJson.Name((RecordField)i).ToArray())];
    private static readonly byte[][] PromptNames = [.. Enumerable.Range(0, ActivePromptJson.Count).Select(i => ActivePromptJson.Name((PromptField)i).ToArray())];
    private static readonly byte[][] TokenNames = [.. Enumerable.Range(0, ActivePromptTokenJson.Count).Select(i => ActivePromptTokenJson.Name((TokenField)i).ToArray())];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScan(ReadOnlySpan<byte> line, out long featureId)
    {
        prompts.Clear();
        tokens.Clear();
        featureId = 0;
        var json = new JsonCursor(line, scratch);
        if (!json.TryConsume((byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        var field = (RecordField)(-1);
        do
        {
            var next = field + 1;
            if ((int)next < FeatureRecordJson.Count && json.TryConsumeName(RecordNames[(int)next]))
            {
                field = next;
            }
            else if (!json.TryReadPlainString(out var name) || !json.TryConsume((byte)':'))
            {
                return false;
            }
            else if (FeatureRecordJson.TryFind(name, out var named))
            {
                field = named;
            }
            else if (json.TrySkipValue(depth: 1))
            {
                continue;
            }
            else
            {
                return false;
            }

            var ok = Once(ref seen, (int)field) && field switch
            {
                RecordField.FeatureId => json.TryReadInt64(out featureId),
                RecordField.Token or RecordField.Source => json.TrySkipString(),
                RecordField.ActivePrompts => TryScanPrompts(ref json),
            };
            if (!ok)
            {
                return false;
            }
        }
        while (json.TryConsume((byte)','));

        if (!json.TryConsume((byte)'}') || (seen & RecordNeeds) != RecordNeeds)
        {
            return false;
        }

        json.SkipWhitespace();
        return json.AtEnd;
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
        if (!json.TryConsume((byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        var field = (PromptField)(-1);
        do
        {
            var next = field + 1;
            if ((int)next < ActivePromptJson.Count && json.TryConsumeName(PromptNames[(int)next]))
            {
                field = next;
            }
            else if (!json.TryReadPlainString(out var name) || !json.TryConsume((byte)':'))
            {
                return false;
            }
            else if (ActivePromptJson.TryFind(name, out var named))
            {
                field = named;
            }
            else if (json.TrySkipValue(depth: 3))
            {
                continue;
            }
            else
            {
                return false;
            }

            var ok = Once(ref seen, (int)field) && field switch
            {
                PromptField.PromptId => json.TryReadInt64(out prompt.PromptId),
                PromptField.PromptText => json.TrySkipString(),
                PromptField.PromptLabel => json.TryReadString(out prompt.Label),
                PromptField.PromptFeatureActivation => json.TryReadDouble(out prompt.Activation),
                PromptField.TokenizedPrompt => json.TrySkipStringArray(),
                PromptField.Tokens => TryScanTokens(ref json),
            };
            if (!ok)
            {
                return false;
            }
        }
        while (json.TryConsume((byte)','));

        if (!json.TryConsume((byte)'}') || (seen & PromptNeeds) != PromptNeeds)
        {
            return false;
        }

        prompt.TokenCount = tokens.Count - prompt.FirstToken;
        prompts.Add(prompt);
        return true;
    }

    /// <summary><c>tokens</c>: an array of objects, each a token's text and activation.</summary>
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
            if (!TryScanToken(ref json))
            {
                return false;
            }
        }
        while (json.TryConsume((byte)','));

        return json.TryConsume((byte)']');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryScanToken(ref JsonCursor json)
    {
        var token = default(Token);
        if (!json.TryConsume((byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        var field = (TokenField)(-1);
        do
        {
            var next = field + 1;
            if ((int)next < ActivePromptTokenJson.Count && json.TryConsumeName(TokenNames[(int)next]))
            {
                field = next;
            }
            else if (!json.TryReadPlainString(out var name) || !json.TryConsume((byte)':'))
            {
                return false;
            }
            else if (ActivePromptTokenJson.TryFind(name, out var named))
            {
                field = named;
            }
            else if (json.TrySkipValue(depth: 5))
            {
                continue;
            }
            else
            {
                return false;
            }

            var ok = Once(ref seen, (int)field) && field switch
            {
                TokenField.Token => json.TryReadString(out token.Text),
                TokenField.Activation => json.TryReadDouble(out token.Activation),
            };
            if (!ok)
            {
                return false;
            }
        }
        while (json.TryConsume((byte)','));

        if (!json.TryConsume((byte)'}') || (seen & TokenNeeds) != TokenNeeds)
        {
            return false;
        }

        tokens.Add(token);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Once(ref ulong seen, int field)
    {
        // A field given twice goes to the generated reader, whose rule for it is the rule.
        var bit = 1UL << field;
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    private struct Prompt
    {
        public JsonText Label;
        public double Activation;

        // Read, not kept by the aggregate: an id the generated reader would reject must send the line its way.
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
