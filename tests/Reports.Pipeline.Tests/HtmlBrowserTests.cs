using System.Globalization;
using System.Text.Json;
using Reports.Analysis.Reading;
using Reports.DataGen;
using Reports.Pipeline.Outputs;

namespace Reports.Pipeline.Tests;

/// <summary>
/// report.html in Debian's headless Chromium, driven as a reader would drive it (real mouse moves, clicks and typing
/// over the DevTools protocol): the table is drawn, searched and opened, the heatmap hovered, and nothing is fetched.
/// </summary>
public sealed class HtmlBrowserTests
{
    /// <summary>Rows in view at the test window's height, and a few either side; what "only the rows in view" allows.</summary>
    private const int MostRowsInTheDocument = 60;

    [Fact]
    public async Task The_demo_page_draws_searches_and_opens_its_table_offline()
    {
        Assert.True(HeadlessChromium.IsInstalled, "the test needs Debian's chromium (.ci/run installs it)");
        var output = Build(TestData.DemoDescriptions, TestData.DemoPrompts);
        var rows = HtmlReportTests.ReadDescriptionsIndependently(TestData.DemoDescriptions);
        var prompts = PromptTruth.ByFeature(TestData.DemoPrompts);

        await using var browser = await HeadlessChromium.OpenAsync(Path.Combine(output, "report.html"));
        await browser.EvaluateAsync("ReportPage.ready.then(() => true)");

        // Every feature is a row (the 19 fit in view), in id order.
        Assert.Equal(rows.Keys.Union(prompts.Keys).Order(), await RowIdsAsync(browser));

        // Typing in the search box leaves the features whose type, file type, token or description has the word.
        await browser.EvaluateAsync("document.querySelector('#feature-browser input[type=search]').focus()");
        await browser.InsertTextAsync("Feel");
        await WaitForAsync(browser, "document.querySelector('#feature-browser .count').textContent.includes(' of ')");
        var expected = rows.Where(r => (string[])[r.Value["claude_type"], r.Value["type"], PromptTruth.Display(r.Value["token"]), r.Value["claude_desc"]] is var texts
            && texts.Any(t => t.Contains("feel", StringComparison.OrdinalIgnoreCase))).Select(r => r.Key).Order().ToArray();
        Assert.InRange(expected.Length, 1, rows.Count - 1);
        Assert.Equal(expected, await RowIdsAsync(browser));
        Assert.Equal($"{expected.Length} of {rows.Count} features", (string?)await browser.EvaluateAsync("document.querySelector('#feature-browser .count').textContent"));

        // A click on a row opens the feature's details: its categories with counts and means, its strongest prompts.
        var id = expected[0];
        var row = (await browser.EvaluateAsync($"(() => {{ const r = document.querySelector('.grid-row[data-feature=\"{id}\"]').getBoundingClientRect(); return [r.left + 40, r.top + r.height / 2]; }})()"))!.AsArray();
        await browser.ClickAsync((double)row[0]!, (double)row[1]!);
        Assert.Equal(false, (bool?)await browser.EvaluateAsync("document.getElementById('feature-details').hidden"));
        Assert.Equal($"Feature {id}", (string?)await browser.EvaluateAsync("document.querySelector('#feature-details h2').textContent"));
        var contrast = (await browser.EvaluateAsync("[...document.querySelectorAll('#feature-details table')[1].tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))"))!.AsArray();
        var byLabel = prompts[id].GroupBy(p => p.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(byLabel.Count, contrast.Count);
        for (var i = 0; i < byLabel.Count; i++)
        {
            Assert.Equal(byLabel[i].Key, (string?)contrast[i]![0]);
            Assert.Equal(byLabel[i].Count().ToString(CultureInfo.InvariantCulture), (string?)contrast[i]![1]);
            Assert.Equal(byLabel[i].Average(p => p.Activation).ToString("0.000", CultureInfo.InvariantCulture), (string?)contrast[i]![2]);
        }

        Assert.Equal(Math.Min(5, prompts[id].Count), (int?)await browser.EvaluateAsync("document.querySelectorAll('#feature-details .prompt').length"));

        var requested = await browser.RequestedUrlsAsync();
        var page = new Uri(Path.GetFullPath(Path.Combine(output, "report.html"))).AbsoluteUri;
        Assert.All(requested, url => Assert.True(url == page || url.StartsWith("data:", StringComparison.Ordinal), $"the page asked for {url}"));
        await browser.ScreenshotAsync(Path.Combine(output, "report.html.png"));
    }

    [Fact]
    public async Task The_demo_page_does_not_scroll_sideways_at_1400_pixels()
    {
        Assert.True(HeadlessChromium.IsInstalled, "the test needs Debian's chromium (.ci/run installs it)");
        var output = Build(TestData.DemoDescriptions, TestData.DemoPrompts);

        await using var browser = await HeadlessChromium.OpenAsync(Path.Combine(output, "report.html"), width: 1400);
        await browser.EvaluateAsync("ReportPage.ready.then(() => true)");

        var (scroll, client) = ((double?)await browser.EvaluateAsync("document.documentElement.scrollWidth"), (double?)await browser.EvaluateAsync("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"the page is {scroll} px wide in a {client} px window");
    }

    [Fact]
    public async Task The_demo_heatmap_is_drawn_and_hovering_a_cell_shows_its_hover_text()
    {
        Assert.True(HeadlessChromium.IsInstalled, "the test needs Debian's chromium (.ci/run installs it)");
        var output = Build(TestData.DemoDescriptions, TestData.DemoPrompts);
        var analysis = ActivationAnalyzer.Analyze(TestData.DemoDescriptions, TestData.DemoPrompts);

        await using var browser = await HeadlessChromium.OpenAsync(Path.Combine(output, "report.html"));
        await browser.EvaluateAsync("ReportPage.ready.then(() => document.getElementById('heatmap-figure').scrollIntoView())");

        // Drawn: the cells' colours (viridis has no grey), and white where a feature has no prompt of a category.
        var colours = (int?)await browser.EvaluateAsync("""
            (() => {
              const h = ReportPage.heatmap, l = h.layout, r = h.ratio;
              const pixels = h.canvas.getContext('2d').getImageData(l.left * r, l.top * r, l.plotWidth * r, l.plotHeight * r).data;
              const seen = new Set();
              for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
              return seen.size;
            })()
            """);
        Assert.True(colours > 50, $"{colours} colours in the heatmap's cells");

        // A real mouse over a cell shows that cell's hover text, exactly; over a blank cell, none.
        var columns = (await browser.EvaluateAsync("ReportPage.heatmap.data.columns"))!.AsArray().Select(c => long.Parse((string)c!, CultureInfo.InvariantCulture)).ToArray();
        var blanks = 0;
        for (var r = 0; r < analysis.Labels.Count; r++)
        {
            foreach (var c in (int[])[0, 7, columns.Length - 1])
            {
                var feature = analysis.Features.Single(f => f.FeatureId == columns[c]);
                var centre = (await browser.EvaluateAsync($"ReportPage.heatmap.cellCentre({r}, {c})"))!;
                await browser.MoveMouseAsync((double)centre["x"]!, (double)centre["y"]!);
                var shown = await browser.EvaluateAsync("(t => t.hidden ? null : t.textContent)(document.querySelector('.heatmap-tooltip'))");
                if (feature.ByLabel[r] is { } cell)
                {
                    Assert.Equal(ReportDocuments.HoverText(feature, analysis.Descriptions.ReadRow(feature.FeatureId), analysis.Labels[r], cell.Mean), (string?)shown);
                }
                else
                {
                    Assert.Null(shown);
                    blanks++;
                }
            }
        }

        Assert.True(blanks > 0, "no blank cell was tried");

        // The wheel zooms into the features; Reset shows them all again; the view is a PNG.
        var middle = (await browser.EvaluateAsync("ReportPage.heatmap.cellCentre(3, 9)"))!;
        await browser.WheelAsync((double)middle["x"]!, (double)middle["y"]!, -600);
        var span = (double?)await browser.EvaluateAsync("ReportPage.heatmap.view.x1 - ReportPage.heatmap.view.x0");
        Assert.True(span < columns.Length, $"the wheel left {span} of {columns.Length} columns in view");
        await browser.EvaluateAsync("document.querySelector('#heatmap-figure button[data-action=reset]').click()");
        Assert.Equal(columns.Length, (double?)await browser.EvaluateAsync("ReportPage.heatmap.view.x1 - ReportPage.heatmap.view.x0"));
        var png = (await browser.EvaluateAsync("ReportPage.heatmap.pngBlob().then(b => [b.type, b.size])"))!.AsArray();
        Assert.Equal("image/png", (string?)png[0]);
        Assert.True((int)png[1]! > 20_000, $"a PNG of {png[1]} bytes");
    }

    [Fact]
    public async Task A_20000_feature_page_holds_every_feature_and_keeps_only_the_rows_in_view_in_the_document()
    {
        Assert.True(HeadlessChromium.IsInstalled, "the test needs Debian's chromium (.ci/run installs it)");
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 20_000, PromptsPerFeature = 2, TokensPerPrompt = 2, Seed = 19 }, directory);
        var output = Build(files.DescriptionsPath, files.PromptsPath, featurePages: "none", heatmapFeatures: "20");
        var html = Path.Combine(output, "report.html");

        // Every feature is in the embedded data, read back without the page, with its prompt count.
        var prompts = PromptTruth.ByFeature(files.PromptsPath);
        var ids = prompts.Keys.Order().ToArray();
        using (var document = EmbeddedPageData.Read(File.ReadAllText(html), "feature-data"))
        {
            var data = document.RootElement;
            Assert.Equal(ids, data.GetProperty("id").EnumerateArray().Select(i => i.GetInt64()));
            Assert.Equal(ids.Select(i => (long)prompts[i].Count), data.GetProperty("prompts").EnumerateArray().Select(p => p.GetInt64()));
        }
        await using var browser = await HeadlessChromium.OpenAsync(html);
        await browser.EvaluateAsync("ReportPage.ready.then(() => true)");
        Assert.Equal("20,000 features", (string?)await browser.EvaluateAsync("document.querySelector('#feature-browser .count').textContent"));
        var first = await RowIdsAsync(browser);
        Assert.InRange(first.Length, 10, MostRowsInTheDocument);
        Assert.Equal(ids.Take(first.Length), first);

        // At the end of the list: the last features, still only a screenful of rows.
        await browser.EvaluateAsync("(g => { g.scrollTop = g.scrollHeight; })(document.querySelector('.feature-grid'))");
        await NextFrameAsync(browser);
        var last = await RowIdsAsync(browser);
        Assert.InRange(last.Length, 10, MostRowsInTheDocument);
        Assert.Equal(ids[^1], last.Max());

        // A search by id finds that feature alone.
        var id = ids[12_345];
        await browser.EvaluateAsync("document.querySelector('#feature-browser input[type=search]').focus()");
        await browser.InsertTextAsync(id.ToString(CultureInfo.InvariantCulture));
        await WaitForAsync(browser, "document.querySelector('#feature-browser .count').textContent.includes(' of ')");
        Assert.Contains(id, await RowIdsAsync(browser));
    }

    /// <summary>The feature ids of the table's rows in the document, top to bottom.</summary>
    private static async Task<long[]> RowIdsAsync(HeadlessChromium browser)
    {
        var ids = (await browser.EvaluateAsync("""
            [...document.querySelectorAll('.feature-grid .grid-row')]
              .map(r => [r.getBoundingClientRect().top, Number(r.dataset.feature)]).sort((a, b) => a[0] - b[0]).map(r => r[1])
            """))!.AsArray();
        return [.. ids.Select(i => (long)i!)];
    }

    /// <summary>Waits (up to 10 s) until a script's condition holds in the page.</summary>
    private static Task WaitForAsync(HeadlessChromium browser, string condition) =>
        browser.EvaluateAsync($$"""
            new Promise((resolve, reject) => {
              const started = performance.now();
              const check = () => ({{condition}}) ? resolve(true) : performance.now() - started > 10000 ? reject(new Error('timed out')) : setTimeout(check, 20);
              check();
            })
            """);

    private static Task NextFrameAsync(HeadlessChromium browser) =>
        browser.EvaluateAsync("new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");

    private static string Build(string descriptions, string prompts, string featurePages = "50", string heatmapFeatures = "200")
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest
        {
            Name = "browser",
            DescriptionsPath = descriptions,
            PromptsPath = prompts,
            OutputDirectory = output,
            FeaturePages = featurePages,
            HeatmapFeatures = heatmapFeatures,
        }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }
}
