using System.Globalization;
using System.Text;

namespace Reports.DataGen;

/// <summary>
/// Writes a seeded SAE analysis data set in the users' exact schema: the feature-descriptions CSV
/// (RFC 4180, LF, UTF-8 without BOM) and the active-prompts JSONL (one feature per line, in the
/// bytes of the writer <see cref="DataSetOptions.Style"/> names). Streaming:
/// memory does not grow with the number of features.
/// </summary>
public static class DataSetWriter
{
    public const string Source = "gemma-2-2b/12-gemmascope-res-16k";

    private const string Header = "feature_id,general_activation_mean,general_activation_max,general_activation_min,personal_mean,personal_cohens_d,chat_desc,pt_desc,type,source,token,num_prompts,link,claude_completion,claude_desc,claude_type";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static DataSetFiles Write(DataSetOptions options, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new DataSetFiles(Path.Combine(directory, DataSetFiles.DescriptionsFileName), Path.Combine(directory, DataSetFiles.PromptsFileName));
        using (var descriptions = File.Create(files.DescriptionsPath))
        {
            WriteDescriptions(options, descriptions);
        }

        using (var prompts = File.Create(files.PromptsPath))
        {
            WritePrompts(options, prompts);
        }

        return files;
    }

    public static void WriteDescriptions(DataSetOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var plan in FeaturePlan.Create(options).Where(p => p.Described))
        {
            var theme = options.Labels.ToList().IndexOf(plan.Theme);
            var themeMean = plan.LabelMeans[theme];
            var others = plan.LabelMeans.Where((_, l) => l != theme).DefaultIfEmpty(themeMean).Average();
            var interpreted = DescriptionTexts.HasClaudeInterpretation(plan);
            string[] fields =
            [
                plan.Id.ToString(CultureInfo.InvariantCulture),
                Number(others),
                Number(plan.LabelMeans.Max() * 1.35),
                Number(plan.LabelMeans.Min() * 0.05),
                Number(themeMean),
                Number((themeMean - others) / 3.2),
                DescriptionTexts.ChatDescription(plan),
                DescriptionTexts.PretrainingDescription(plan),
                plan.LabelWeights.Count(w => w > 0) <= 3 ? "personal" : "general",
                Source,
                FeatureToken(plan),
                plan.PromptCount.ToString(CultureInfo.InvariantCulture),
                $"https://www.neuronpedia.org/gemma-2-2b/12-gemmascope-res-16k/{plan.Id}",
                interpreted ? DescriptionTexts.ClaudeCompletion(plan) : "",
                interpreted ? DescriptionTexts.ClaudeDescription(plan) : "",
                interpreted ? DescriptionTexts.ClaudeType(plan) : "",
            ];
            writer.WriteLine(string.Join(',', fields.Select(CsvField)));
        }
    }

    public static void WritePrompts(DataSetOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pool = new PromptPool(options);
        var buffered = new BufferedStream(output, 1 << 20);
        var json = new PythonJsonWriter(buffered, options.Style);
        foreach (var plan in FeaturePlan.Create(options))
        {
            var random = plan.NewRandom(options.Seed);
            json.StartObject();
            json.Name("feature_id");
            json.Integer(plan.Id);
            json.Name("token");
            json.String(FeatureToken(plan));
            json.Name("source");
            json.String(Source);
            json.Name("active_prompts");
            json.StartArray();
            for (var j = 0; j < plan.PromptCount; j++)
            {
                WritePrompt(json, plan, options.Labels, pool, random);
            }

            json.EndArray();
            json.EndObject();
            buffered.WriteByte((byte)'\n');
        }

        buffered.Flush();
    }

    private static void WritePrompt(PythonJsonWriter json, FeaturePlan plan, IReadOnlyList<string> labels, PromptPool pool, Random random)
    {
        var l = WeightedChoice(plan.LabelWeights, random);
        var prompt = pool.Pick(labels[l], random);
        var activation = Math.Round(Math.Max(0.05, plan.LabelMeans[l] * (0.6 + (0.8 * random.NextDouble()))), 4);

        json.StartObject();
        json.Name("prompt_id");
        json.Integer(prompt.Id);
        json.Name("prompt_text");
        json.String(prompt.Text);
        json.Name("prompt_label");
        json.String(labels[l]);
        json.Name("prompt_feature_activation");
        json.Float(activation);
        json.Name("tokenized_prompt");
        json.StartArray();
        foreach (var token in prompt.Tokens)
        {
            json.String(token);
        }

        json.EndArray();

        // The feature fires on a few positions; the strongest carries the prompt's activation.
        json.Name("tokens");
        json.StartArray();
        var firing = Math.Min(prompt.Tokens.Length, 1 + random.Next(4));
        var start = random.Next(prompt.Tokens.Length - firing + 1);
        var peak = start + random.Next(firing);
        for (var position = start; position < start + firing; position++)
        {
            json.StartObject();
            json.Name("token");
            json.String(prompt.Tokens[position]);
            json.Name("activation");
            json.Float(position == peak ? activation : Math.Round(activation * (0.2 + (0.7 * random.NextDouble())), 4));
            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
    }

    private static int WeightedChoice(double[] weights, Random random)
    {
        var pick = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        return Array.FindLastIndex(weights, w => w > 0);
    }

    private static string FeatureToken(FeaturePlan plan)
    {
        string[] tokens = ["▁stress", "▁feel", "▁def", "▁poem", "▁prove", "▁symptoms", "▁who", "▁compare", "▁anxious", "▁insulin", "▁story", "▁sum"];
        return tokens[plan.Index % tokens.Length];
    }

    private static string Number(double value) => Math.Round(value, 6).ToString("0.0#####", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes.</summary>
    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
