using System.Runtime.CompilerServices;
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
/// present when the sample always has it, of the sample's type, and the JSON grammar of every value. The fields'
/// names, order and required flags are the ones the generator emits from <c>Schemas/personal_general_prompts.jsonl</c>,
/// so a sample change that the scan does not follow fails to compile.
/// One concern a file: here a scanned line is committed to the aggregate; <c>PromptLineScanner.Scan.cs</c> scans it,
/// and <see cref="FeatureEvidenceReader"/> reads a page's records back whole, with the generated reader.
/// </remarks>
internal sealed partial class PromptLineScanner
{
    private readonly List<Prompt> prompts = [];
    private readonly List<Token> tokens = [];
    private readonly Utf8Interner labels = new();
    private readonly Utf8Interner tokenTexts = new();

    // One record's statistics per label and tallies per token, indexed by interned id and reused line after line:
    // a record reaches the aggregate once per label, and only its top tokens reach the feature's tally.
    private RunningStatistics[] labelStatistics = new RunningStatistics[16];
    private readonly List<int> labelsSeen = [];
    private TokenTally[] tokenTallies = new TokenTally[1024];
    private readonly List<int> tokensSeen = [];
    private (string Token, TokenTally Tally)[] recordTokens = new (string Token, TokenTally Tally)[256];

    // Labels and token texts with escapes, decoded; a line's texts never take more bytes than the line.
    private byte[] scratch = new byte[1 << 16];

    /// <summary>Adds the line to the aggregate and returns true, or returns false having added nothing.</summary>
    /// <param name="fileOffset">Where the line starts in the file: the feature keeps its records' places, for its page's evidence.</param>
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

        aggregate.AddRecord(featureId, new RecordLocation(lineNumber, fileOffset, line.Length));
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
            recordTokens[i] = (tokenTexts[token], tokenTallies[token]);
            tokenTallies[token] = default;
        }

        aggregate.TallyOf(featureId).AddRecordTokens(recordTokens.AsSpan(0, tokensSeen.Count));
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
}
