using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace Reports.Pipeline.Tests;

/// <summary>
/// summary.md against what the test computes from the inputs itself: the totals and the prompts per category from the
/// JSONL (System.Text.Json), the described features from the CSV, the SHA-256 of the files; the warnings capped; the
/// data's own text escaped; the same bytes twice.
/// </summary>
public sealed class SummaryMarkdownTests
{
    [Fact]
    public void Demo_summary_states_the_inputs_totals_categories_and_files()
    {
        var (output, _) = Run(TestData.DemoDescriptions, TestData.DemoPrompts, "Demo report", render: true);
        var summary = File.ReadAllText(Path.Combine(output, "summary.md"));

        // Independently: the prompts per category and the totals from the JSONL, the described ids from the CSV.
        var records = File.ReadLines(TestData.DemoPrompts).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l)).ToList();
        var prompts = records.SelectMany(r => r.RootElement.GetProperty("active_prompts").EnumerateArray()).ToList();
        var perLabel = prompts.CountBy(p => p.GetProperty("prompt_label").GetString()!).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var withPrompts = records.Where(r => r.RootElement.GetProperty("active_prompts").GetArrayLength() > 0).Select(r => r.RootElement.GetProperty("feature_id").GetInt64()).ToHashSet();
        var described = DescribedIds(TestData.DemoDescriptions);
        var features = records.Select(r => r.RootElement.GetProperty("feature_id").GetInt64()).Union(described).Count();

        var lines = summary.Split('\n');
        Assert.Equal("# Demo report", lines[0]);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"**Totals:** {features:N0} features ({withPrompts.Count:N0} with prompts, {described.Count:N0} described), {prompts.Count:N0} prompts in {perLabel.Count:N0} categories, {records.Count:N0} records."), lines);
        foreach (var (label, count) in perLabel)
        {
            var share = (100.0 * count / prompts.Count).ToString("0.0", CultureInfo.InvariantCulture);
            Assert.Contains($"| {label} | {count:N0} | {share} % |", lines);
        }

        Assert.Equal(perLabel.Count, lines.SkipWhile(l => l != "## Prompts per category").TakeWhile(l => l != "## Warnings").Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 2); // less the header and its rule
        foreach (var (path, role) in new[] { (TestData.DemoDescriptions, "descriptions"), (TestData.DemoPrompts, "prompts") })
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            var name = Path.GetFileName(path).Replace("_", "\\_", StringComparison.Ordinal);
            Assert.Contains($"| {name} | {role} | {new FileInfo(path).Length:N0} | `{sha}` |", lines);
        }

        // Written by hand: the files of a rendered report, in the order the report writes them.
        string[] files = ["aggregate.csv", "summary.json", "summary.md", "features.csv", "heatmap.png", "report.html", "report.pdf", "tokens.csv"];
        Assert.Equal(files.Select(f => "- " + f), lines.SkipWhile(l => l != "## Files").Skip(2).TakeWhile(l => l.Length > 0));
    }

    [Fact]
    public void A_data_only_run_writes_it_and_lists_only_the_data_files()
    {
        var (output, outcome) = Run(TestData.DemoDescriptions, TestData.DemoPrompts, "Data only", render: false);

        Assert.Contains(Path.Combine(output, "summary.md"), outcome.WrittenFiles);
        var lines = File.ReadAllLines(Path.Combine(output, "summary.md"));
        Assert.Equal(["- aggregate.csv", "- summary.json", "- summary.md", "- features.csv", "- tokens.csv"], lines.SkipWhile(l => l != "## Files").Skip(2));
    }

    [Fact]
    public void Many_warnings_are_counted_and_the_first_ten_listed()
    {
        // 50 records without prompts beside the demo's descriptions: each described feature without a record and each
        // record without prompts or a row is a warning of its own.
        var directory = TestData.NewTemporaryDirectory();
        var promptsPath = Path.Combine(directory, "prompts.jsonl");
        File.WriteAllLines(promptsPath, Enumerable.Range(0, 50).Select(i => $"{{\"feature_id\":{100_000 + i},\"token\":\"t\",\"source\":\"s\",\"active_prompts\":[]}}"));
        var (output, outcome) = Run(TestData.DemoDescriptions, promptsPath, "Sparse", render: false);

        var warnings = outcome.Analysis!.Warnings;
        Assert.True(warnings.Count > 20, $"{warnings.Count} warnings");
        var lines = File.ReadAllLines(Path.Combine(output, "summary.md"));
        var section = lines.SkipWhile(l => l != "## Warnings").Skip(2).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var perCode = warnings.GroupBy(w => w.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count():N0}");
        Assert.Equal($"{warnings.Count:N0} warnings: {string.Join(", ", perCode)}.", section[0]);
        var listed = section.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, listed.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.StartsWith($"- {warnings[i].Code} {Path.GetFileName(warnings[i].File)?.Replace("_", "\\_", StringComparison.Ordinal)}", listed[i], StringComparison.Ordinal);
        }

        Assert.Contains($"_{warnings.Count - 10:N0} more not listed here: summary.json and the build log list the first 20 of each code and count the rest._", section);
    }

    [Fact]
    public void Title_and_labels_are_escaped()
    {
        var directory = TestData.NewTemporaryDirectory();
        var promptsPath = Path.Combine(directory, "prompts.jsonl");
        File.WriteAllText(promptsPath, """
            {"feature_id":1,"token":"t","source":"s","active_prompts":[{"prompt_id":1,"prompt_text":"p","prompt_label":"a|b*c","prompt_feature_activation":1.5,"tokenized_prompt":["p"],"tokens":[]},{"prompt_id":2,"prompt_text":"q","prompt_label":"x_[y]<z>`w`","prompt_feature_activation":2.5,"tokenized_prompt":["q"],"tokens":[]}]}

            """);
        var (output, _) = Run(TestData.DemoDescriptions, promptsPath, "Pipes | and *stars*", render: false);

        var lines = File.ReadAllLines(Path.Combine(output, "summary.md"));
        Assert.Equal(@"# Pipes \| and \*stars\*", lines[0]);
        Assert.Contains(@"| a\|b\*c | 1 | 50.0 % |", lines);
        Assert.Contains(@"| x\_\[y\]\<z\>\`w\` | 1 | 50.0 % |", lines);
    }

    [Fact]
    public void Two_runs_write_the_same_bytes()
    {
        var (first, _) = Run(TestData.DemoDescriptions, TestData.DemoPrompts, "Twice", render: false, date: DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var (second, _) = Run(TestData.DemoDescriptions, TestData.DemoPrompts, "Twice", render: false, date: DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

        var bytes = File.ReadAllBytes(Path.Combine(first, "summary.md"));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(second, "summary.md")));
        Assert.Contains("Activation report twice, date of the data 2023-11-14.", File.ReadAllLines(Path.Combine(first, "summary.md")));
        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), "no byte order mark");
    }

    internal static (string Output, ReportOutcome Outcome) Run(string descriptions, string prompts, string title, bool render, DateTimeOffset? date = null)
    {
        var output = Path.Combine(TestData.NewTemporaryDirectory(), "out");
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest
        {
            Name = title.Split(' ')[0].ToLowerInvariant(),
            Title = title,
            DescriptionsPath = descriptions,
            PromptsPath = prompts,
            OutputDirectory = output,
            Render = render,
            SourceDate = date,
        }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return (output, outcome);
    }

    private static HashSet<long> DescribedIds(string csv)
    {
        using var parser = new TextFieldParser(csv) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var column = Array.IndexOf(header, "feature_id");
        var ids = new HashSet<long>();
        while (parser.ReadFields() is { } row)
        {
            ids.Add(long.Parse(row[column], CultureInfo.InvariantCulture));
        }

        return ids;
    }
}
