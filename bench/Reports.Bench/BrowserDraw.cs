using System.Diagnostics;

namespace Reports.Bench;

/// <summary>
/// How long headless Chromium takes to open a report.html from file:// and screenshot it (browser start included),
/// and whether the screenshot shows a page rather than a blank one.
/// </summary>
public static class BrowserDraw
{
    public static (double Seconds, bool Drawn)? Measure(string html, string screenshot)
    {
        var browser = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (browser is null)
        {
            return null;
        }

        var profile = Directory.CreateTempSubdirectory("reports-bench-chromium-");
        try
        {
            var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={profile.FullName}",
                         "--window-size=1400,1000", $"--screenshot={screenshot}", "--virtual-time-budget=30000", new Uri(html).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return (double.PositiveInfinity, false);
            }

            var seconds = stopwatch.Elapsed.TotalSeconds;
            return (seconds, File.Exists(screenshot) && new FileInfo(screenshot).Length > 20_000);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
