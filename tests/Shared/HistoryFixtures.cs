using System.Globalization;
using System.Text;

namespace Reports.Tests;

/// <summary>
/// Two small versions of a report's data for the history's tests: A, and B, which drops feature 30, adds feature 40
/// and moves feature 20's activations from math to code. Each is a descriptions CSV and a prompts JSONL written from
/// the table of activations below, from which the tests work out what the comparison must say.
/// </summary>
internal static class HistoryFixtures
{
    /// <summary>Per feature, per category, its prompts' activations in A.</summary>
    public static readonly IReadOnlyDictionary<long, IReadOnlyDictionary<string, double[]>> A = new Dictionary<long, IReadOnlyDictionary<string, double[]>>
    {
        [10] = new Dictionary<string, double[]> { ["math"] = [2.0, 4.0], ["code"] = [1.0, 1.5] },
        [20] = new Dictionary<string, double[]> { ["math"] = [6.0, 8.0], ["code"] = [1.0, 1.0] },
        [30] = new Dictionary<string, double[]> { ["medical"] = [5.0, 5.5], ["math"] = [0.5] },
    };

    /// <summary>B: 10 as in A, 20 moved from math to code, 30 dropped, 40 added.</summary>
    public static readonly IReadOnlyDictionary<long, IReadOnlyDictionary<string, double[]>> B = new Dictionary<long, IReadOnlyDictionary<string, double[]>>
    {
        [10] = A[10],
        [20] = new Dictionary<string, double[]> { ["math"] = [2.0, 2.0], ["code"] = [6.0, 9.0] },
        [40] = new Dictionary<string, double[]> { ["medical"] = [3.0, 3.5], ["code"] = [0.25] },
    };

    /// <summary>The description text every feature has unless told otherwise.</summary>
    public static string Description(long id) => $"Feature {id} fires on things";

    /// <summary>Writes a version's two files into <paramref name="directory"/> (overwriting): (descriptions, prompts).</summary>
    /// <param name="description">A feature's description text; null leaves the feature without a row. Default: <see cref="Description"/>.</param>
    public static (string Descriptions, string Prompts) Write(string directory, IReadOnlyDictionary<long, IReadOnlyDictionary<string, double[]>> data, Func<long, string?>? description = null)
    {
        description ??= Description;
        Directory.CreateDirectory(directory);
        var descriptions = Path.Combine(directory, "desc.csv");
        var prompts = Path.Combine(directory, "prompts.jsonl");
        var csv = new StringBuilder("feature_id,general_activation_mean,general_activation_max,general_activation_min,personal_mean,personal_cohens_d,chat_desc,pt_desc,type,source,token,num_prompts,link,claude_completion,claude_desc,claude_type\n");
        var jsonl = new StringBuilder();
        var promptId = 0;
        foreach (var (id, categories) in data.OrderBy(d => d.Key))
        {
            var count = categories.Values.Sum(v => v.Length);
            if (description(id) is { } text)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{id},1.0,2.0,0.1,1.5,0.5,chat,pt,personal,src,tok,{count},https://example.org/{id},completion,{text},personal\n");
            }

            jsonl.Append(CultureInfo.InvariantCulture, $"{{\"feature_id\":{id},\"token\":\"tok\",\"source\":\"src\",\"active_prompts\":[");
            var first = true;
            foreach (var (label, activations) in categories)
            {
                foreach (var activation in activations)
                {
                    var a = activation.ToString("R", CultureInfo.InvariantCulture);
                    jsonl.Append(first ? "" : ",").Append(CultureInfo.InvariantCulture,
                        $"{{\"prompt_id\":{++promptId},\"prompt_text\":\"a {label} prompt\",\"prompt_label\":\"{label}\",\"prompt_feature_activation\":{a},\"tokenized_prompt\":[\"a\",\"{label}\",\"prompt\"],\"tokens\":[{{\"token\":\"{label}\",\"activation\":{a}}}]}}");
                    first = false;
                }
            }

            jsonl.Append("]}\n");
        }

        File.WriteAllText(descriptions, csv.ToString());
        File.WriteAllText(prompts, jsonl.ToString());
        return (descriptions, prompts);
    }

    /// <summary>The mean activation of a feature per category, as the test works it out.</summary>
    public static double Mean(IReadOnlyDictionary<long, IReadOnlyDictionary<string, double[]>> data, long id, string label) =>
        data.TryGetValue(id, out var categories) && categories.TryGetValue(label, out var values) ? values.Average() : 0;

    /// <summary>The profile shift as docs/history.md defines it, and the category where it is largest (the first by name on a tie).</summary>
    public static (double Shift, string Category) Shift(long id)
    {
        var labels = A[id].Keys.Union(B.TryGetValue(id, out var b) ? b.Keys : []).Order(StringComparer.Ordinal);
        return labels.Select(l => (Math.Abs(Mean(B, id, l) - Mean(A, id, l)), l)).Aggregate((x, y) => y.Item1 > x.Item1 ? y : x);
    }
}
