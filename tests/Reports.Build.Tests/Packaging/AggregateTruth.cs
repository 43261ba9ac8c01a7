using System.Globalization;
using System.Text.Json;

namespace Reports.Build.Tests.Packaging;

/// <summary>
/// The notebook's heatmap table computed independently of the code under test: every JSONL record parsed with
/// System.Text.Json, prompts exploded, mean and count per (feature_id, prompt_label), as pandas'
/// <c>df.explode("active_prompts").groupby(["feature_id", "prompt_label"]).prompt_feature_activation.agg(["mean", "count"])</c>.
/// </summary>
internal static class AggregateTruth
{
    public static void AssertAgreesWithNotebook(string promptsPath, string aggregateCsvPath)
    {
        var groups = new Dictionary<(long, string), List<double>>();
        foreach (var line in File.ReadLines(promptsPath).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var feature = document.RootElement.GetProperty("feature_id").GetInt64();
            foreach (var prompt in document.RootElement.GetProperty("active_prompts").EnumerateArray())
            {
                var key = (feature, prompt.GetProperty("prompt_label").GetString()!);
                if (!groups.TryGetValue(key, out var values))
                {
                    groups[key] = values = [];
                }

                values.Add(prompt.GetProperty("prompt_feature_activation").GetDouble());
            }
        }

        var lines = File.ReadAllLines(aggregateCsvPath);
        Assert.Equal("feature_id,prompt_label,mean_activation,num_prompts", lines[0]);
        // The demo's labels hold no commas or quotes.
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => (long.Parse(f[0], CultureInfo.InvariantCulture), f[1]),
            f => (Mean: double.Parse(f[2], CultureInfo.InvariantCulture), Count: long.Parse(f[3], CultureInfo.InvariantCulture)));
        Assert.Equal(groups.Keys.OrderBy(k => k), rows.Keys.OrderBy(k => k));
        foreach (var (key, values) in groups)
        {
            var expected = values.Sum() / values.Count;
            var actual = rows[key];
            Assert.Equal(values.Count, actual.Count);
            Assert.True(Math.Abs(expected - actual.Mean) <= 1e-9 * Math.Max(Math.Abs(expected), double.Epsilon),
                $"{key}: expected mean {expected:R}, found {actual.Mean:R}");
        }
    }
}
