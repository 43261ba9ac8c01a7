using System.Globalization;
using System.Text;

namespace Reports.Bench;

/// <summary>
/// The format of the pipeline's <c>aggregate.csv</c>, <c>feature_id,prompt_label,mean_activation,num_prompts</c>,
/// read for ours and written for DuckDB's groups so both sides are compared from the same kind of file.
/// </summary>
public static class AggregateCsv
{
    private const string Header = "feature_id,prompt_label,mean_activation,num_prompts";

    public static void Write(string path, IEnumerable<AggregateGroup> groups)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var g in groups)
        {
            var label = g.Label.AsSpan().IndexOfAny(",\"\r\n") < 0 ? g.Label : $"\"{g.Label.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g.FeatureId},{label},{g.Mean:R},{g.Count}"));
        }
    }

    public static List<AggregateGroup> Read(string path)
    {
        var groups = new List<AggregateGroup>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            // The label is the only field that may hold a comma, so the numbers are split off both ends.
            var first = line.IndexOf(',', StringComparison.Ordinal);
            var last = line.LastIndexOf(',');
            var beforeLast = line.LastIndexOf(',', last - 1);
            var label = line[(first + 1)..beforeLast];
            if (label.StartsWith('"'))
            {
                label = label[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            groups.Add(new AggregateGroup(
                long.Parse(line.AsSpan(0, first), CultureInfo.InvariantCulture),
                label,
                double.Parse(line.AsSpan(beforeLast + 1, last - beforeLast - 1), CultureInfo.InvariantCulture),
                long.Parse(line.AsSpan(last + 1), CultureInfo.InvariantCulture)));
        }

        return groups;
    }
}
