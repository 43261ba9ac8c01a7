using System.Globalization;
using System.Text;
using Reports.DataGen;

namespace Reports.Bench;

/// <summary>
/// The report at real SAE widths (issue 19): per width, the data-only run and the whole report, timed with their
/// peak RSS, what they wrote, and a browser opening the HTML.
/// </summary>
public static class WidthBench
{
    public static int Run(string[] args)
    {
        var options = WidthOptions.Parse(args, out var problem);
        if (options is null)
        {
            (problem is null ? Console.Out : Console.Error).WriteLine(problem is null ? WidthOptions.Usage : $"Reports.Bench widths: {problem}; try --help");
            return problem is null ? 0 : 2;
        }

        var log = Console.Error;
        var reports = Path.Combine(AppContext.BaseDirectory, "reports.dll");
        var results = Path.Combine(BenchCommand.RepositoryRoot, "bench", "results");
        var rows = new List<string>();
        var ok = true;
        foreach (var features in options.Features)
        {
            var workload = Workload.Ensure(
                new DataSetOptions { Features = features, PromptsPerFeature = options.PromptsPerFeature, TokensPerPrompt = 16, Seed = 42, Style = WriterStyle.JsonDumps, Text = TextMix.Multilingual },
                string.Create(CultureInfo.InvariantCulture, $"width-{features}x{options.PromptsPerFeature}"), options.CacheRoot, log);
            var workspace = Directory.CreateTempSubdirectory("reports-bench-width-");
            try
            {
                string[] Build(string output, params string[] more) =>
                    [reports, "build", "--descriptions", workload.Files.DescriptionsPath, "--prompts", workload.Files.PromptsPath, "--out", Path.Combine(workspace.FullName, output), .. more];
                var dataOnly = new ContenderResult(new Contender("reports build --no-render", "dotnet", Build("data", "--no-render")), workload);
                var full = new ContenderResult(new Contender("reports build (every output)", "dotnet", Build("full")), workload);
                log.WriteLine("warming the page cache (one untimed cat)");
                TimedProcess.Run(new Contender("cat", "/bin/sh", ["-c", $"cat '{workload.Files.PromptsPath}' > /dev/null"]));
                for (var run = 1; run <= options.Runs; run++)
                {
                    foreach (var result in new[] { dataOnly, full }.Where(r => r.Failure is null))
                    {
                        try
                        {
                            var m = TimedProcess.Run(result.Contender);
                            result.Runs.Add(m);
                            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{features:N0} features, run {run}: {result.Contender.Name} {m.WallSeconds:F2} s, {m.MaxRssKilobytes / 1024.0:N0} MiB"));
                        }
                        catch (ContenderFailedException e)
                        {
                            result.Failure = e.Message;
                            log.WriteLine($"{features:N0} features: {result.Contender.Name} FAILED, {e.Message}");
                        }
                    }
                }

                if (!dataOnly.Succeeded || !full.Succeeded)
                {
                    ok = false;
                    rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {features:N0} | {workload.PromptsBytes / 1e6:N0} MB | failed: {dataOnly.Failure ?? full.Failure} |"));
                    continue;
                }

                var files = ReportFiles.Of(Path.Combine(workspace.FullName, "full"));
                var screenshot = Path.Combine(results, string.Create(CultureInfo.InvariantCulture, $"width-{features}.png"));
                var browser = BrowserDraw.Measure(Path.Combine(workspace.FullName, "full", "report.html"), screenshot);
                var ratio = full.MedianWallSeconds / dataOnly.MedianWallSeconds;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {features:N0} | {workload.PromptsBytes / 1e6:N0} MB | {dataOnly.MedianWallSeconds:F2} s, {dataOnly.Runs.Max(r => r.MaxRssKilobytes) / 1024.0:N0} MiB | {full.MedianWallSeconds:F2} s, {full.Runs.Max(r => r.MaxRssKilobytes) / 1024.0:N0} MiB | {ratio:F1}x | {files.PdfPages:N0}, {files.PdfBytes / 1e6:F1} MB | {files.HtmlBytes / 1e6:F1} MB | {files.PngWidth:N0} x {files.PngHeight:N0} | {files.SummaryBytes:N0} B | {files.FeaturesCsvBytes / 1e6:F1} MB | {(browser is { } b ? $"{b.Seconds:F1} s{(b.Drawn ? "" : ", BLANK")}" : "no chromium")} |"));
            }
            finally
            {
                workspace.Delete(recursive: true);
            }
        }

        var text = new StringBuilder();
        text.AppendLine("# Widths: the whole report at real SAE widths");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {MachineInfo.Current()}. `dotnet run -c Release --project bench/Reports.Bench -- widths --features {string.Join(',', options.Features)} --prompts {options.PromptsPerFeature} --runs {options.Runs}`."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Data: {options.PromptsPerFeature} prompts x ~16 tokens a feature, multilingual text, written as json.dumps writes it (seed 42). Medians of {options.Runs} run(s); RSS is the largest. Browser: headless Chromium opening report.html from file:// and taking a 1400 x 1000 screenshot, its start included (screenshots beside this file)."));
        text.AppendLine();
        text.AppendLine("| features | prompts file | data only (--no-render) | every output | ratio | report.pdf pages, size | report.html | heatmap.png | summary.json | features.csv | browser |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            text.AppendLine(row);
        }

        Console.Write(text);
        File.WriteAllText(Path.Combine(results, "latest-widths.md"), text.ToString());
        return ok ? 0 : 1;
    }
}
