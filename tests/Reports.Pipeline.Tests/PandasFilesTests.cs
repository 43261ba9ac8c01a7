using System.Globalization;
using System.Text.Json;

namespace Reports.Pipeline.Tests;

/// <summary>
/// Files as pandas writes them, made by pandas itself (Debian's python3-pandas, which .ci/run installs): a descriptions
/// CSV from a left join (empty cells for NaN, "nan" and "inf" spelled out, an integer column turned float) and the prompts
/// from <c>to_json(orient="records", lines=True)</c>; and the notebook's own aggregate, computed by pandas from them.
/// </summary>
public sealed class PandasFilesTests
{
    private const string Script = """
        import json, sys
        import numpy as np
        import pandas as pd
        descriptions, prompts, out = sys.argv[1], sys.argv[2], sys.argv[3]
        d = pd.read_csv(descriptions)
        general = d[["feature_id", "general_activation_mean", "general_activation_max", "general_activation_min", "chat_desc", "pt_desc",
                     "type", "source", "token", "num_prompts", "link"]]
        personal = d[["feature_id", "personal_mean", "personal_cohens_d", "claude_completion", "claude_desc", "claude_type"]].iloc[::3]
        joined = general.merge(personal, on="feature_id", how="left")[list(d.columns)]
        joined.loc[joined.index[1], "personal_cohens_d"] = np.inf
        joined.loc[joined.index[3], "num_prompts"] = np.nan
        text = joined.to_csv(index=False)
        # Other writers spell NaN out: "nan" (numpy's str) and "NaN" in two cells that are NaN already.
        lines = text.split("\n")
        lines[5] = lines[5].replace(",,,", ",nan,NaN,", 1) if ",,," in lines[5] else lines[5]
        open(out + "/desc.csv", "w", encoding="utf-8").write("\n".join(lines))
        records = pd.read_json(prompts, lines=True)
        records.to_json(out + "/prompts.jsonl", orient="records", lines=True)

        # The notebook's method on the files as written.
        df = pd.read_json(out + "/prompts.jsonl", lines=True).explode("active_prompts")
        df = pd.concat([df[["feature_id"]].reset_index(drop=True), pd.json_normalize(df["active_prompts"].tolist())], axis=1)
        table = df.groupby(["feature_id", "prompt_label"]).prompt_feature_activation.agg(["mean", "count"]).reset_index()
        table.to_csv(out + "/notebook.csv", index=False, float_format="%.17g")
        read = pd.read_csv(out + "/desc.csv")
        json.dump({c: int(read[c].isna().sum()) for c in ["personal_mean", "personal_cohens_d", "num_prompts"]}, open(out + "/missing.json", "w"))
        """;

    /// <summary>Missing values per column of features.csv, as pandas reads it, and the infinite d.</summary>
    private const string ReadFeatures = """
        import json, sys
        import numpy as np
        import pandas as pd
        f = pd.read_csv(sys.argv[1])
        counts = {c: int(f[c].isna().sum()) for c in ["personal_mean", "personal_cohens_d", "description_num_prompts"]}
        counts["personal_cohens_d_inf"] = int(np.isinf(f["personal_cohens_d"]).sum())
        print(json.dumps(counts))
        """;

    [Fact]
    public void A_left_join_written_by_pandas_reports_the_notebooks_aggregate_with_its_missing_values_empty()
    {
        var directory = TestData.NewTemporaryDirectory();
        PythonScript.Run(Script, TestData.DemoDescriptions, TestData.DemoPrompts, directory);
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();

        var outcome = ReportPipeline.Run(new ReportRequest
        {
            Name = "pandas",
            DescriptionsPath = Path.Combine(directory, "desc.csv"),
            PromptsPath = Path.Combine(directory, "prompts.jsonl"),
            OutputDirectory = output,
        }, log);

        Assert.True(outcome.Succeeded, string.Join("\n", log.Diagnostics));

        // The aggregate is pandas' groupby, to 1e-9, with the same counts.
        var notebook = File.ReadAllLines(Path.Combine(directory, "notebook.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (long.Parse(f[0], CultureInfo.InvariantCulture), f[1]), f => (Mean: double.Parse(f[2], CultureInfo.InvariantCulture), Count: long.Parse(f[3], CultureInfo.InvariantCulture)));
        var ours = File.ReadAllLines(Path.Combine(output, "aggregate.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (long.Parse(f[0], CultureInfo.InvariantCulture), f[1]), f => (Mean: double.Parse(f[2], CultureInfo.InvariantCulture), Count: long.Parse(f[3], CultureInfo.InvariantCulture)));
        Assert.Equal(notebook.Keys.Order(), ours.Keys.Order());
        foreach (var (key, cell) in notebook)
        {
            Assert.Equal(cell.Count, ours[key].Count);
            NotebookMethod.AssertRelativelyEqual(cell.Mean, ours[key].Mean, $"{key}");
        }

        // One warning per column with missing values, counted as pandas counts them, located at the first.
        var missing = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(Path.Combine(directory, "missing.json")))!;
        var warnings = log.Diagnostics.Where(d => d.Code == "RPT106").ToArray();
        Assert.Equal(missing.Where(m => m.Value > 0).Select(m => m.Key).Order(), warnings.Select(w => w.Message.Split(':')[0]).Order());
        Assert.All(warnings, w => Assert.Contains($": {missing[w.Message.Split(':')[0]]} row", w.Message, StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.True(w.Line > 1 && w.Column > 1));

        // features.csv, read back by pandas: NaN where missing, the infinity as itself; the other tables: an empty cell, and "inf".
        var features = JsonSerializer.Deserialize<Dictionary<string, int>>(PythonScript.Run(ReadFeatures, Path.Combine(output, "features.csv")))!;
        Assert.Equal(missing["personal_mean"], features["personal_mean"]);
        Assert.Equal(missing["personal_cohens_d"], features["personal_cohens_d"]);
        Assert.Equal(1, features["personal_cohens_d_inf"]);
        Assert.Equal(missing["num_prompts"], features["description_num_prompts"]);

        // report.html's embedded data: missing as null, the infinity as "inf" (JSON has neither NaN nor infinities).
        using var page = EmbeddedPageData.Read(File.ReadAllText(Path.Combine(output, "report.html")), "feature-data");
        var at = page.RootElement.GetProperty("id").EnumerateArray().Select(i => i.GetInt64()).ToList().IndexOf(1563);
        Assert.Equal(["2.992", "38.221", "0.080", "", "inf"], ((string[])["generalMean", "generalMax", "generalMin", "personalMean", "personalCohensD"])
            .Select(column => EmbeddedPageData.Doubles(page.RootElement.GetProperty(column))[at] switch
            {
                double.NaN => "",
                double.PositiveInfinity => "inf",
                var value => value.ToString("0.000", CultureInfo.InvariantCulture),
            }));
        var pdf = PdfTools.Text(Path.Combine(output, "report.pdf"), raw: true);
        Assert.Contains("\n1563 Unknown No description available 2.992 38.221 0.080 inf 15 ", pdf, StringComparison.Ordinal);
    }
}
