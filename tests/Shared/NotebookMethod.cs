using System.Text.Json;

namespace Reports.Tests;

/// <summary>
/// The notebook's computation, written independently of the code under test: every JSONL line parsed with
/// System.Text.Json's DOM, prompts exploded, grouped by (feature_id, prompt_label), mean and count per group
/// (pandas: <c>df.explode("active_prompts").groupby(["feature_id", "prompt_label"]).prompt_feature_activation.agg(["mean", "count"])</c>).
/// </summary>
internal static class NotebookMethod
{
    public sealed record Cell(double Mean, long Count);

    public static Dictionary<(long Feature, string Label), Cell> MeanByFeatureAndLabel(string promptsPath)
    {
        var groups = new Dictionary<(long, string), List<double>>();
        foreach (var line in File.ReadLines(promptsPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

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

        return groups.ToDictionary(g => g.Key, g => new Cell(g.Value.Sum() / g.Value.Count, g.Value.Count));
    }

    /// <summary>Reads aggregate.csv (labels in the test data hold no commas or quotes).</summary>
    public static Dictionary<(long Feature, string Label), Cell> ReadAggregateCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("feature_id,prompt_label,mean_activation,num_prompts", lines[0]);
        return lines.Skip(1).Select(line => line.Split(',')).ToDictionary(
            fields => (long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture), fields[1]),
            fields => new Cell(double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>aggregate.csv holds exactly the notebook's cells: the same (feature, label) pairs, counts, and means to 1e-9 relative.</summary>
    public static void AssertAggregateCsvAgrees(string promptsPath, string aggregateCsvPath)
    {
        var expected = MeanByFeatureAndLabel(promptsPath);
        var actual = ReadAggregateCsv(aggregateCsvPath);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, cell) in expected)
        {
            Assert.Equal(cell.Count, actual[key].Count);
            AssertRelativelyEqual(cell.Mean, actual[key].Mean, $"feature {key.Feature} label {key.Label}");
        }
    }

    public static void AssertRelativelyEqual(double expected, double actual, string what)
    {
        var tolerance = 1e-9 * Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
