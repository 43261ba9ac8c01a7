using System.Text;
using System.Text.Json;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>
/// features.csv read back by pandas, against what pandas computes from the two inputs itself: every feature of either
/// file in id order, its prompts' statistics, the category it is most specific to by Cohen's d with the pooled standard
/// deviation, and the description row's columns.
/// </summary>
public sealed class FeaturesCsvTests
{
    /// <summary>
    /// The demo data with a feature left out of each file and one whose record has no prompts: 575 is described without a
    /// record, the last described feature has a record without a row, 99999 a record without prompts or a row.
    /// </summary>
    private const string Prepare = """
        import json, sys
        import pandas as pd
        descriptions, prompts, out = sys.argv[1], sys.argv[2], sys.argv[3]
        d = pd.read_csv(descriptions, dtype=str, keep_default_na=False)
        d.iloc[:-1].to_csv(out + "/desc.csv", index=False)
        records = [json.loads(line) for line in open(prompts, encoding="utf-8") if line.strip()]
        assert records[0]["feature_id"] == 575
        empty = dict(records[1], feature_id=99999, active_prompts=[])
        with open(out + "/prompts.jsonl", "w", encoding="utf-8") as f:
            for r in records[1:] + [empty]:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        """;

    /// <summary>Prints the disagreements between features.csv and pandas' own computation as a JSON list.</summary>
    private const string Check = """
        import json, math, sys
        import numpy as np
        import pandas as pd
        descriptions, prompts, features = sys.argv[1], sys.argv[2], sys.argv[3]
        problems = []
        def close(a, b):
            if pd.isna(a) or pd.isna(b):
                return pd.isna(a) and pd.isna(b)
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
        def same(a, b):
            return (pd.isna(a) and pd.isna(b)) or a == b

        ids, rows = set(), []
        for line in open(prompts, encoding="utf-8"):
            if not line.strip():
                continue
            record = json.loads(line)
            ids.add(record["feature_id"])
            for p in record["active_prompts"]:
                rows.append((record["feature_id"], p["prompt_label"], p["prompt_feature_activation"]))
        activations = pd.DataFrame(rows, columns=["feature_id", "label", "activation"])
        d = pd.read_csv(descriptions).set_index("feature_id")
        ids = sorted(ids | set(d.index))

        f = pd.read_csv(features)
        if list(f["feature_id"]) != ids:
            problems.append(f"feature ids: expected {len(ids)} in id order, found {list(f['feature_id'])[:5]}... ({len(f)} rows)")
        for column, kind in [("feature_id", "i"), ("described", "b"), ("num_prompts", "i"), ("activation_mean", "f"), ("most_specific_cohens_d", "f")]:
            if f[column].dtype.kind != kind:
                problems.append(f"{column}: pandas reads it as {f[column].dtype}")
        f = f.set_index("feature_id")

        overall = activations.groupby("feature_id").activation.agg(["count", "mean", "std", "min", "max"])
        by_label = activations.groupby(["feature_id", "label"]).activation.agg(["count", "mean", "std"])
        for feature in ids:
            row = f.loc[feature]
            if row["described"] != (feature in d.index):
                problems.append(f"{feature}: described {row['described']}")
            count = int(overall.loc[feature, "count"]) if feature in overall.index else 0
            if row["num_prompts"] != count:
                problems.append(f"{feature}: num_prompts {row['num_prompts']}, expected {count}")
            for statistic in ["mean", "std", "min", "max"]:
                expected = overall.loc[feature, statistic] if count else np.nan
                if not close(expected, row["activation_" + statistic]):
                    problems.append(f"{feature}: activation_{statistic} {row['activation_' + statistic]!r}, expected {expected!r}")

            # Each label against the feature's other prompts; the largest defined d, else the largest mean difference.
            candidates = []
            if count:
                mine = activations[activations.feature_id == feature]
                for label in sorted(mine.label.unique()):
                    inside, rest = mine[mine.label == label].activation, mine[mine.label != label].activation
                    n1, n2 = len(inside), len(rest)
                    cohens_d = None
                    if n1 >= 2 and n2 >= 2:
                        pooled = ((n1 - 1) * inside.var() + (n2 - 1) * rest.var()) / (n1 + n2 - 2)
                        if pooled > 0:
                            cohens_d = (inside.mean() - rest.mean()) / math.sqrt(pooled)
                    candidates.append((label, cohens_d, inside.mean() - rest.mean() if n2 else inside.mean()))
            defined = [c for c in candidates if c[1] is not None]
            best = max(defined, key=lambda c: c[1]) if defined else max(candidates, key=lambda c: c[2]) if candidates else (np.nan, np.nan, np.nan)
            found = (row["most_specific_category"], row["most_specific_cohens_d"], row["most_specific_mean_difference"])
            if not same(best[0], found[0]):
                # A tie to the last bits may fall either way: then the two must be equally specific.
                other = next((c for c in candidates if c[0] == found[0]), None)
                if other is None or not close(np.nan if best[1] is None else best[1], np.nan if other[1] is None else other[1]):
                    problems.append(f"{feature}: most specific {found[0]!r}, expected {best[0]!r} (d {best[1]!r})")
            elif not close(np.nan if best[1] is None else best[1], found[1]) or not close(best[2], found[2]):
                problems.append(f"{feature}: d and difference {found[1:]!r}, expected {best[1:]!r}")

            for column, source in [("type", "type"), ("claude_type", "claude_type"), ("token", "token"),
                                   ("general_activation_mean", "general_activation_mean"), ("general_activation_max", "general_activation_max"),
                                   ("general_activation_min", "general_activation_min"), ("personal_mean", "personal_mean"),
                                   ("personal_cohens_d", "personal_cohens_d"), ("description_num_prompts", "num_prompts")]:
                expected = d.loc[feature, source] if feature in d.index else np.nan
                if not same(expected, row[column]):
                    problems.append(f"{feature}: {column} {row[column]!r}, expected {expected!r}")
        print(json.dumps({"rows": len(f), "problems": problems}))
        """;

    [Fact]
    public void Demo_features_csv_read_by_pandas_has_every_feature_of_either_file_and_agrees_with_pandas()
    {
        var inputs = TestData.NewTemporaryDirectory();
        PythonScript.Run(Prepare, TestData.DemoDescriptions, TestData.DemoPrompts, inputs);
        var output = Run(Path.Combine(inputs, "desc.csv"), Path.Combine(inputs, "prompts.jsonl"));

        // The demo's 19 features, all in both files, and 99999.
        Assert.Equal(20, AssertAgreesWithPandas(Path.Combine(inputs, "desc.csv"), Path.Combine(inputs, "prompts.jsonl"), output));
        var lines = File.ReadAllLines(Path.Combine(output, "features.csv"));
        Assert.StartsWith("575,true,0,,,,,,,,personal,", lines[1], StringComparison.Ordinal);
        Assert.Equal("99999,false,0" + new string(',', 16), lines[^1]);
    }

    [Fact]
    public void A_generated_set_with_undescribed_features_agrees_with_pandas()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 300, PromptsPerFeature = 8, TokensPerPrompt = 4, Seed = 5, DescribedFraction = 0.7 }, directory);
        var output = Run(files.DescriptionsPath, files.PromptsPath);

        Assert.Equal(300, AssertAgreesWithPandas(files.DescriptionsPath, files.PromptsPath, output));
    }

    [Fact]
    public void Features_csv_is_utf8_without_a_bom_with_lf_line_ends_and_one_row_per_feature()
    {
        var output = Run(TestData.DemoDescriptions, TestData.DemoPrompts);
        var bytes = File.ReadAllBytes(Path.Combine(output, "features.csv"));

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("feature_id,described,num_prompts,activation_mean,", text, StringComparison.Ordinal);
        Assert.Equal(1 + 19, text.Count(c => c == '\n'));
    }

    [Fact]
    public void Summary_json_does_not_grow_with_the_number_of_features()
    {
        // Half the features undescribed: a warning (RPT101) per feature, listed up to a bound and counted.
        var small = Summary(200, out var smallBytes);
        var large = Summary(2000, out var largeBytes);

        Assert.True(Math.Abs(largeBytes - smallBytes) < 400, $"summary.json: {smallBytes} bytes at 200 features, {largeBytes} at 2,000");
        foreach (var summary in new[] { small, large })
        {
            var root = summary.RootElement;
            Assert.False(root.TryGetProperty("features", out _));
            Assert.Equal("features.csv", root.GetProperty("tables").GetProperty("features").GetString());
            var undescribed = root.GetProperty("totals").GetProperty("features").GetInt64() - root.GetProperty("totals").GetProperty("features_described").GetInt64();
            Assert.True(undescribed > 20);
            Assert.Equal(undescribed, root.GetProperty("warning_counts").GetProperty("RPT101").GetInt64());
            Assert.Equal(20, root.GetProperty("warnings").EnumerateArray().Count(w => w.GetProperty("code").GetString() == "RPT101"));
        }
    }

    private static JsonDocument Summary(int features, out long bytes)
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = features, PromptsPerFeature = 6, TokensPerPrompt = 4, Seed = 9, DescribedFraction = 0.5 }, directory);
        var path = Path.Combine(Run(files.DescriptionsPath, files.PromptsPath), "summary.json");
        bytes = new FileInfo(path).Length;
        return JsonDocument.Parse(File.ReadAllBytes(path));
    }

    /// <summary>Runs pandas' check and gives the number of rows it read.</summary>
    private static int AssertAgreesWithPandas(string descriptions, string prompts, string output)
    {
        using var result = JsonDocument.Parse(PythonScript.Run(Check, descriptions, prompts, Path.Combine(output, "features.csv")));
        Assert.Empty(result.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        return result.RootElement.GetProperty("rows").GetInt32();
    }

    private static string Run(string descriptions, string prompts)
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "features", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, Render = false }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }
}
