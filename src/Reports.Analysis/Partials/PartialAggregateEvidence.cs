using System.Globalization;
using System.Text.Json;
using Reports.Analysis;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Diagnostics;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Partials;

/// <summary>
/// Pages' evidence from partial aggregates: each partial's evidence lines are read once for all the pages, and a
/// feature's records (in merge order: input, then line) give its activations in file order and its strongest prompts,
/// the same as reading its records back from the prompts files would.
/// </summary>
/// <param name="partials">Each partial's path, and for each of its inputs the input's index in the merged list.</param>
public sealed class PartialAggregateEvidence(IReadOnlyList<(string Path, IReadOnlyDictionary<int, int> Sources)> partials) : IFeatureEvidenceSource
{
    public IReadOnlyList<FeatureEvidence> Read(IReadOnlyList<FeatureSummary> features, int topPromptCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        var wanted = features.Select(f => f.FeatureId).ToHashSet();
        var records = new Dictionary<long, List<(int Source, long Line, JsonElement Evidence)>>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var (path, sources) in partials)
            {
                ReadEvidence(path, sources, wanted, records, documents);
            }

            return [.. features.Select(f => Build(f.FeatureId, records.GetValueOrDefault(f.FeatureId) ?? [], topPromptCount))];
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static void ReadEvidence(string path, IReadOnlyDictionary<int, int> sources, HashSet<long> wanted, Dictionary<long, List<(int, long, JsonElement)>> records, List<JsonDocument> documents)
    {
        using var lines = new PartialLines(path);
        string? text;
        while ((text = lines.NextText()) is not null && !text.StartsWith("{\"evidence\":", StringComparison.Ordinal))
        {
        }

        long count = 0;
        while (true)
        {
            text = lines.NextText() ?? throw lines.Error("an evidence line or the end line", "the end of the file: it is cut short (was it still being written, or copied in part?); write or copy it again");
            if (text.StartsWith("{\"end\":", StringComparison.Ordinal))
            {
                return;
            }

            count++;
            // {"id":575,"input":... : the id is read from the text, and only a wanted feature's line is parsed.
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (!text.StartsWith("{\"id\":", StringComparison.Ordinal) || comma < 0
                || !long.TryParse(text.AsSpan(6, comma - 6), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                throw lines.Error("an evidence line", "another line: the file is damaged");
            }

            if (!wanted.Contains(id))
            {
                continue;
            }

            var document = JsonDocument.Parse(text);
            documents.Add(document);
            var evidence = document.RootElement;
            if (!records.TryGetValue(id, out var list))
            {
                records.Add(id, list = []);
            }

            list.Add((sources[evidence.GetProperty("input").GetInt32()], evidence.GetProperty("line").GetInt64(), evidence));
        }
    }

    /// <summary>A feature's evidence from its records' evidence lines, merged in file order.</summary>
    private static FeatureEvidence Build(long featureId, List<(int Source, long Line, JsonElement Evidence)> records, int topPromptCount)
    {
        var strongest = new TopPrompts(topPromptCount);
        var activations = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var (source, line, evidence) in records.OrderBy(r => r.Source).ThenBy(r => r.Line))
        {
            foreach (var byLabel in evidence.GetProperty("activations").EnumerateArray())
            {
                var label = byLabel[0].GetString()!;
                if (!activations.TryGetValue(label, out var values))
                {
                    activations.Add(label, values = []);
                }

                values.AddRange(byLabel[1].EnumerateArray().Select(v => v.GetDouble()));
            }

            foreach (var prompt in evidence.GetProperty("top").EnumerateArray())
            {
                strongest.Add(new TopPrompt(
                    prompt.GetProperty("prompt_id").GetInt64(),
                    prompt.GetProperty("label").GetString()!,
                    prompt.GetProperty("activation").GetDouble(),
                    prompt.GetProperty("text").GetString()!,
                    [.. prompt.GetProperty("tokenized_prompt").EnumerateArray().Select(p => p.GetString()!)],
                    [.. prompt.GetProperty("tokens").EnumerateArray().Select(t => new ActivePromptToken { Token = t[0].GetString()!, Activation = t[1].GetDouble() })],
                    line,
                    prompt.GetProperty("index").GetInt32(),
                    source));
            }
        }

        return FeatureEvidence.From(featureId, strongest.Strongest(), activations);
    }
}
