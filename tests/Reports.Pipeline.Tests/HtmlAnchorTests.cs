using System.Globalization;
using Reports.DataGen;

namespace Reports.Pipeline.Tests;

/// <summary>
/// report.html's contents list and the links a colleague shares, opened in Debian's headless Chromium as fresh page
/// loads: <c>report.html#feature-575</c> lands on the feature's section, or on its row and details when it has no
/// section (issue 20, item 5).
/// </summary>
public sealed class HtmlAnchorTests
{
    [Fact]
    public async Task The_demo_page_lists_its_sections_and_a_feature_link_opens_at_the_feature_section()
    {
        Assert.True(HeadlessChromium.IsInstalled, "the test needs Debian's chromium (.ci/run installs it)");
        var html = Path.Combine(Build(TestData.DemoDescriptions, TestData.DemoPrompts, "50"), "report.html");
        var features = PromptTruth.ByFeature(TestData.DemoPrompts).Where(f => f.Value.Count > 0).Select(f => f.Key).Order().ToArray();

        await using var browser = await HeadlessChromium.OpenAsync(html);
        await browser.EvaluateAsync("ReportPage.ready.then(() => true)");

        // The contents: a link per section and per feature section, each to an element of the page.
        var links = (await browser.EvaluateAsync("[...document.querySelectorAll('nav.contents a')].map(a => [a.getAttribute('href'), a.textContent, document.getElementById(a.getAttribute('href').slice(1)) !== null])"))!.AsArray();
        Assert.All(links, l => Assert.True((bool)l![2]!, $"{l[0]} leads nowhere"));
        Assert.Equal(
            ["#inputs", "#heatmap", "#label-counts", "#describe", "#features", "#feature-sections", .. features.Select(id => $"#feature-{id}")],
            links.Select(l => (string)l![0]!));
        Assert.Equal($"Feature sections ({features.Length})", (string?)links[5]![1]);

        // A real click on a contents link scrolls to its section.
        var point = (await browser.EvaluateAsync($"(() => {{ const r = document.querySelector('nav.contents a[href=\"#feature-{features[3]}\"]').getBoundingClientRect(); return [r.left + (r.width / 2), r.top + (r.height / 2)]; }})()"))!.AsArray();
        await browser.ClickAsync((double)point[0]!, (double)point[1]!);
        await AssertAtTopAsync(browser, $"feature-{features[3]}");

        // Shared links, opened as new page loads: the page's parts are drawn after loading, and the section stays where the link points.
        foreach (var fragment in (string[])[$"feature-{features[0]}", $"feature-{features[^1]}", "heatmap", "describe"])
        {
            await browser.NavigateAsync(new Uri(html).AbsoluteUri + "#" + fragment);
            await browser.EvaluateAsync("ReportPage.ready.then(() => true)");
            await AssertAtTopAsync(browser, fragment);
        }
    }

    [Fact]
    public async Task A_feature_without_a_section_opens_at_its_row_with_its_details()
    {
        Assert.True(HeadlessChromium.IsInstalled, "the test needs Debian's chromium (.ci/run installs it)");
        var files = DataSetWriter.Write(new DataSetOptions { Features = 3_000, PromptsPerFeature = 3, TokensPerPrompt = 3, Seed = 23 }, TestData.NewTemporaryDirectory());
        var html = Path.Combine(Build(files.DescriptionsPath, files.PromptsPath, "5"), "report.html");
        long[] ids;
        bool[] sections;
        using (var catalog = EmbeddedPageData.Read(File.ReadAllText(html), "feature-data"))
        {
            ids = [.. catalog.RootElement.GetProperty("id").EnumerateArray().Select(i => i.GetInt64())];
            sections = [.. catalog.RootElement.GetProperty("section").EnumerateArray().Select(s => s.GetInt32() == 1)];
        }

        Assert.Equal(5, sections.Count(s => s));
        var plain = ids.Where((_, i) => !sections[i]).ToArray();
        var url = new Uri(html).AbsoluteUri;
        await using var browser = await HeadlessChromium.OpenAsync(html);

        // Far down the table: the row is scrolled into the grid's view, selected, and its details are open.
        var far = plain[^10];
        await browser.NavigateAsync($"{url}#feature-{far}");
        await browser.EvaluateAsync("ReportPage.ready.then(() => true)");
        await AssertRowOpenAsync(browser, far);

        // A fragment changed in the open page, while a search hides the feature: the search is cleared and the row shown.
        await browser.EvaluateAsync("(() => { const box = document.querySelector('#feature-browser input[type=search]'); box.value = 'no feature has this'; ReportPage.table.filter(); return true; })()");
        var other = plain[plain.Length / 2];
        await browser.EvaluateAsync($"location.hash = '#feature-{other}'");
        await WaitForAsync(browser, $"document.querySelector('#feature-details h2')?.textContent === 'Feature {other}'");
        Assert.Equal("", (string?)await browser.EvaluateAsync("document.querySelector('#feature-browser input[type=search]').value"));
        await AssertRowOpenAsync(browser, other);

        // Opening a row puts its link in the address bar.
        var row = (await browser.EvaluateAsync($"(() => {{ const r = [...document.querySelectorAll('.grid-row')].find(r => r.dataset.feature !== '{other}').getBoundingClientRect(); return [r.left + 40, r.top + (r.height / 2)]; }})()"))!.AsArray();
        await browser.ClickAsync((double)row[0]!, (double)row[1]!);
        var opened = (string?)await browser.EvaluateAsync("document.querySelector('#feature-details h2').textContent");
        Assert.Equal($"#feature-{opened!["Feature ".Length..]}", (string?)await browser.EvaluateAsync("location.hash"));

        // A feature with a section still opens at its section.
        var sectioned = ids.Where((_, i) => sections[i]).Last();
        await browser.NavigateAsync($"{url}#feature-{sectioned}");
        await browser.EvaluateAsync("ReportPage.ready.then(() => true)");
        await AssertAtTopAsync(browser, $"feature-{sectioned}");
        Assert.Equal(true, (bool?)await browser.EvaluateAsync("document.getElementById('feature-details').hidden"));
    }

    /// <summary>The element is the page's target, with its top at the top of the window.</summary>
    private static async Task AssertAtTopAsync(HeadlessChromium browser, string id)
    {
        await WaitForAsync(browser, $"Math.abs(document.getElementById('{id}').getBoundingClientRect().top) <= 2");
        Assert.Equal(id, (string?)await browser.EvaluateAsync("decodeURIComponent(location.hash.slice(1))"));
    }

    private static async Task AssertRowOpenAsync(HeadlessChromium browser, long id)
    {
        await WaitForAsync(browser, $"document.querySelector('.grid-row[data-feature=\"{id}\"]') !== null");
        var state = (await browser.EvaluateAsync($$"""
            (() => {
              const grid = document.querySelector('.feature-grid').getBoundingClientRect();
              const header = document.querySelector('.feature-grid .grid-header').getBoundingClientRect();
              const row = document.querySelector('.grid-row[data-feature="{{id}}"]');
              const r = row.getBoundingClientRect();
              return [r.top >= header.bottom - 1 && r.bottom <= grid.bottom + 1, row.classList.contains('selected'), grid.top < innerHeight && grid.bottom > 0,
                !document.getElementById('feature-details').hidden, document.querySelector('#feature-details h2').textContent];
            })()
            """))!.AsArray();
        Assert.True((bool)state[0]!, $"feature {id}'s row is outside the grid's view");
        Assert.True((bool)state[1]!, $"feature {id}'s row is not selected");
        Assert.True((bool)state[2]!, "the table is not in the window");
        Assert.True((bool)state[3]!, "the details are closed");
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Feature {id}"), (string?)state[4]);
    }

    /// <summary>Waits (up to 10 s) until a script's condition holds in the page.</summary>
    private static Task WaitForAsync(HeadlessChromium browser, string condition) =>
        browser.EvaluateAsync($$"""
            new Promise((resolve, reject) => {
              const started = performance.now();
              const check = () => ({{condition}}) ? resolve(true) : performance.now() - started > 10000 ? reject(new Error('timed out: ' + {{System.Text.Json.JsonSerializer.Serialize(condition)}})) : setTimeout(check, 20);
              check();
            })
            """);

    private static string Build(string descriptions, string prompts, string featurePages)
    {
        var output = TestData.NewTemporaryDirectory();
        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "anchors", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, FeaturePages = featurePages }, log);
        Assert.True(outcome.Succeeded, string.Join('\n', log.Diagnostics));
        return output;
    }
}
