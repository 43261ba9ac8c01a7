using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using Reports.Analysis.Diagnostics;
using Reports.Pipeline.Diagnostics;

namespace Reports.Pipeline.Tests;

/// <summary>The feature sections of report.pdf and report.html, read back with poppler and checked against the JSONL.</summary>
public sealed partial class FeaturePageReportTests
{
    /// <summary>tokens.csv lists up to 20 tokens per feature (README.md).</summary>
    private const int TokensPerFeature = 20;

    [Fact]
    public void Demo_pdf_has_a_section_per_feature_with_its_strongest_prompts_and_their_strongest_token_in_bold()
    {
        var pdf = Path.Combine(Run(TestData.DemoDescriptions, TestData.DemoPrompts), "report.pdf");
        var truth = PromptTruth.ByFeature(TestData.DemoPrompts);
        var sections = Sections(PdfTools.Pieces(pdf));

        Assert.Equal(19, sections.Count);
        Assert.Equal(truth.Where(f => f.Value.Count > 0).Select(f => f.Key).Order(), sections.Keys.Order());
        foreach (var (feature, pieces) in sections)
        {
            var strongest = PromptTruth.Strongest(truth[feature], 5);
            var headers = pieces.Select((p, i) => (p, i)).Where(x => x.p.Bold && PromptHeader().IsMatch(x.p.Text)).ToList();
            Assert.Equal(strongest.Count, headers.Count);
            for (var rank = 0; rank < strongest.Count; rank++)
            {
                var prompt = strongest[rank];
                var (header, at) = headers[rank];
                Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"#{rank + 1} · {prompt.Label} · activation {prompt.Activation:0.000} · prompt {prompt.Id}"), header.Text, StringComparison.Ordinal);

                // The prompt's lines: every piece up to the next prompt's header or the token table's heading.
                var end = rank + 1 < headers.Count ? headers[rank + 1].i : pieces.FindIndex(at + 1, p => p.Text == "Tokens it fires on most");
                var lines = pieces[(at + 1)..end];
                Assert.Equal(PdfTools.Normalize(prompt.Text), PdfTools.Normalize(string.Concat(lines.Select(l => l.Text))));

                var token = PromptTruth.StrongestToken(prompt)!;
                var display = PromptTruth.Display(token.Text).Trim();
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"strongest token “{display}” ({token.Activation:0.000})"), header.Text, StringComparison.Ordinal);
                var bold = Assert.Single(lines, l => l.Bold);
                Assert.Equal(display, bold.Text.Trim());
            }
        }
    }

    [Fact]
    public void Demo_pdf_keys_the_token_shading_with_numbers_from_0_to_the_strongest_token_shown()
    {
        var pdf = Path.Combine(Run(TestData.DemoDescriptions, TestData.DemoPrompts), "report.pdf");
        var truth = PromptTruth.ByFeature(TestData.DemoPrompts);
        foreach (var (feature, pieces) in Sections(PdfTools.Pieces(pdf)))
        {
            var top = PromptTruth.Strongest(truth[feature], 5).Select(PromptTruth.StrongestToken).OfType<PromptTruth.Token>().Max(t => t.Activation);
            var start = pieces.FindIndex(p => p.Text.StartsWith("Shading scale:", StringComparison.Ordinal));
            var end = pieces.FindIndex(start, p => p.Text.StartsWith("Each token's background", StringComparison.Ordinal));
            Assert.True(start >= 0 && end > start, $"feature {feature}: no shading scale before the key's sentence");
            var key = string.Concat(pieces[start..end].Select(p => p.Text));
            var values = Number().Matches(key).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(5, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.Equal(top * i / 4, values[i], 0.0006);
            }

            // The top of the scale is bold, as the strongest token of each prompt is.
            Assert.Contains(pieces[start..end], p => p.Bold && p.Text.Trim() == top.ToString("0.000", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Demo_html_has_the_same_feature_sections_and_its_feature_table_knows_them()
    {
        var html = File.ReadAllText(Path.Combine(Run(TestData.DemoDescriptions, TestData.DemoPrompts), "report.html"));
        var ids = PromptTruth.ByFeature(TestData.DemoPrompts).Keys.Order().ToArray();

        Assert.Equal(ids, SectionId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        // The table's details panel links a row to its section (feature-<id>) where the embedded data flags one.
        using var page = EmbeddedPageData.Read(html, "feature-data");
        var withSection = page.RootElement.GetProperty("id").EnumerateArray().Zip(page.RootElement.GetProperty("section").EnumerateArray())
            .Where(p => p.Second.GetInt32() == 1).Select(p => p.First.GetInt64());
        Assert.Equal(ids, withSection);
    }

    [Fact]
    public void Demo_html_keys_the_token_shading_with_the_pdfs_numbers()
    {
        var html = File.ReadAllText(Path.Combine(Run(TestData.DemoDescriptions, TestData.DemoPrompts), "report.html"));
        var truth = PromptTruth.ByFeature(TestData.DemoPrompts);
        var sections = SectionId().Matches(html).ToArray();
        Assert.NotEmpty(sections);
        for (var i = 0; i < sections.Length; i++)
        {
            var feature = long.Parse(sections[i].Groups[1].Value, CultureInfo.InvariantCulture);
            var section = html[sections[i].Index..(i + 1 < sections.Length ? sections[i + 1].Index : html.Length)];
            var top = PromptTruth.Strongest(truth[feature], 5).Select(PromptTruth.StrongestToken).OfType<PromptTruth.Token>().Max(t => t.Activation);
            var scale = ShadingScale().Match(section);
            Assert.True(scale.Success, $"feature {feature}: no shading scale");
            var text = Regex.Replace(scale.Value, "<[^>]+>", "");
            var values = Number().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(5, values.Length);
            for (var step = 0; step < values.Length; step++)
            {
                Assert.Equal(top * step / 4, values[step], 0.0006);
            }

            // Shaded like tokens of those activations: the top step as the feature's strongest token is, and bold.
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"title=\"{top:0.000}\"><b>"), scale.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_number_selects_the_top_features_by_the_named_column_and_the_tables_still_list_all()
    {
        var output = Run(TestData.DemoDescriptions, TestData.DemoPrompts, request => request with { FeaturePages = "4", FeaturePagesBy = "personal_cohens_d" });
        var pdf = Path.Combine(output, "report.pdf");
        var withPrompts = PromptTruth.ByFeature(TestData.DemoPrompts).Keys.ToHashSet();
        var expected = DescriptionColumn(TestData.DemoDescriptions, "personal_cohens_d")
            .Where(r => withPrompts.Contains(r.Id)).OrderByDescending(r => r.Value).ThenBy(r => r.Id).Take(4).Select(r => r.Id).Order();

        Assert.Equal(expected, Sections(PdfTools.Pieces(pdf)).Keys.Order());
        var text = PdfTools.Text(pdf);
        foreach (var id in withPrompts)
        {
            Assert.Contains(id.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_explicit_list_selects_exactly_those_features()
    {
        var ids = PromptTruth.ByFeature(TestData.DemoPrompts).Keys.Order().ToArray();
        var chosen = new[] { ids[^1], ids[0], ids[3] };
        var pdf = Path.Combine(Run(TestData.DemoDescriptions, TestData.DemoPrompts, r => r with { FeaturePages = string.Join(';', chosen) }), "report.pdf");

        Assert.Equal(chosen.Order(), Sections(PdfTools.Pieces(pdf)).Keys.Order());
    }

    [Theory]
    [InlineData("575;999999999", "personal_cohens_d", "id", "feature 999999999 is in neither input file")]
    [InlineData("3", "no_such_column", "id", "FeaturePagesBy: expected one of")]
    [InlineData("all", "personal_cohens_d", "by-colour", "HeatmapOrder: expected")]
    public void A_wrong_option_is_an_error_and_writes_nothing(string pages, string by, string order, string message)
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(Request(TestData.DemoDescriptions, TestData.DemoPrompts, output) with { FeaturePages = pages, FeaturePagesBy = by, HeatmapOrder = order }, log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(PipelineDiagnosticCodes.InvalidOption, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public void A_prompt_without_token_data_is_shown_plain_with_its_activation()
    {
        // The demo with the token data of each feature's strongest prompt removed: "tokens" absent on one, empty on the next.
        var directory = TestData.NewTemporaryDirectory();
        var prompts = Path.Combine(directory, "prompts.jsonl");
        var lines = File.ReadAllLines(TestData.DemoPrompts).Where(l => l.Length > 0).Select((line, n) =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            var strongest = record["active_prompts"]!.AsArray().OrderByDescending(p => (double)p!["prompt_feature_activation"]!).ThenBy(p => (long)p!["prompt_id"]!).First()!.AsObject();
            if (n % 2 == 0)
            {
                strongest.Remove("tokens");
            }
            else
            {
                strongest["tokens"] = new JsonArray();
            }

            return record.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        });
        File.WriteAllLines(prompts, lines);

        var pdf = Path.Combine(Run(TestData.DemoDescriptions, prompts), "report.pdf");
        var truth = PromptTruth.ByFeature(prompts);
        var sections = Sections(PdfTools.Pieces(pdf));

        Assert.Equal(19, sections.Count);
        foreach (var (feature, pieces) in sections)
        {
            var prompt = PromptTruth.Strongest(truth[feature], 1)[0];
            Assert.Empty(prompt.Tokens);
            var at = pieces.FindIndex(p => p.Bold && p.Text.StartsWith("#1 · ", StringComparison.Ordinal));
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"#1 · {prompt.Label} · activation {prompt.Activation:0.000} · prompt {prompt.Id} · no token data for this prompt"), pieces[at].Text);
            var end = pieces.FindIndex(at + 1, p => p.Bold);
            Assert.Equal(PdfTools.Normalize(prompt.Text), PdfTools.Normalize(string.Concat(pieces[(at + 1)..end].Select(l => l.Text))));
        }
    }

    [Fact]
    public void Tokens_csv_lists_each_features_most_frequent_tokens_computed_independently()
    {
        var lines = File.ReadAllLines(Path.Combine(Run(TestData.DemoDescriptions, TestData.DemoPrompts), "tokens.csv"));
        Assert.Equal("feature_id,token,occurrences,mean_activation,max_activation", lines[0]);
        var rows = lines.Skip(1).Select(ParseCsvLine).GroupBy(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var (feature, prompts) in PromptTruth.ByFeature(TestData.DemoPrompts))
        {
            var expected = prompts.SelectMany(p => p.Tokens).GroupBy(t => t.Text, StringComparer.Ordinal)
                .Select(g => (Token: g.Key, Count: g.Count(), Mean: g.Average(t => t.Activation), Max: g.Max(t => t.Activation)))
                .OrderByDescending(t => t.Count).ThenByDescending(t => t.Mean).ThenBy(t => t.Token, StringComparer.Ordinal).Take(TokensPerFeature).ToList();
            var actual = rows[feature];
            Assert.Equal(expected.Select(e => e.Token), actual.Select(a => a[1]));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Count, long.Parse(actual[i][2], CultureInfo.InvariantCulture));
                NotebookMethod.AssertRelativelyEqual(expected[i].Mean, double.Parse(actual[i][3], CultureInfo.InvariantCulture), $"{feature} {expected[i].Token} mean");
                Assert.Equal(expected[i].Max, double.Parse(actual[i][4], CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void The_clustered_heatmap_states_its_method_and_keeps_every_feature()
    {
        var pdf = Path.Combine(Run(TestData.DemoDescriptions, TestData.DemoPrompts, r => r with { HeatmapOrder = "clustered", FeaturePages = "none" }), "report.pdf");
        var text = PdfTools.Normalize(PdfTools.Text(pdf));

        Assert.Contains("average-linkage (UPGMA) hierarchical clustering", text, StringComparison.Ordinal);
        Assert.Empty(Sections(PdfTools.Pieces(pdf)));
    }

    /// <summary>The pieces of each feature section, keyed by the feature id of its heading ("Feature 575", bold).</summary>
    private static Dictionary<long, List<PdfTools.TextPiece>> Sections(IReadOnlyList<PdfTools.TextPiece> pieces)
    {
        var sections = new Dictionary<long, List<PdfTools.TextPiece>>();
        List<PdfTools.TextPiece>? current = null;
        foreach (var piece in pieces)
        {
            if (piece.Bold && FeatureHeading().Match(piece.Text) is { Success: true } heading)
            {
                sections.Add(long.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture), current = []);
            }
            else if (current is not null && !RunningText().IsMatch(piece.Text))
            {
                current.Add(piece);
            }
        }

        return sections;
    }

    private static string Run(string descriptions, string prompts, Func<ReportRequest, ReportRequest>? configure = null)
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var request = Request(descriptions, prompts, output);
        var outcome = ReportPipeline.Run(configure is null ? request : configure(request), log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }

    private static ReportRequest Request(string descriptions, string prompts, string output) =>
        new() { Name = "demo", Title = "Feature pages", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output };

    private static List<(long Id, double Value)> DescriptionColumn(string path, string column)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.ToList();
        var rows = new List<(long, double)>();
        while (parser.ReadFields() is { } fields)
        {
            rows.Add((long.Parse(fields[header.IndexOf("feature_id")], CultureInfo.InvariantCulture), double.Parse(fields[header.IndexOf(column)], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static string[] ParseCsvLine(string line)
    {
        using var parser = new TextFieldParser(new StringReader(line)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        return parser.ReadFields()!;
    }

    [GeneratedRegex(@"^Feature (\d+)$")]
    private static partial Regex FeatureHeading();

    [GeneratedRegex("<div class=\"shading-scale\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ShadingScale();

    [GeneratedRegex(@"\d+\.\d{3}")]
    private static partial Regex Number();

    [GeneratedRegex(@"^#\d+ · ")]
    private static partial Regex PromptHeader();

    /// <summary>The running header (the title) and footer (page N of M) of every page.</summary>
    [GeneratedRegex(@"^(Feature pages|page \d+ of \d+)$")]
    private static partial Regex RunningText();

    [GeneratedRegex("<section class=\"feature\" id=\"feature-(\\d+)\">")]
    private static partial Regex SectionId();
}
