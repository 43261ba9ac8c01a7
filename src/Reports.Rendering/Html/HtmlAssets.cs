using System.Reflection;

namespace Reports.Rendering.Html;

/// <summary>
/// The page's style and scripts, kept as .css and .js files beside this class (an editor and a linter read them as
/// what they are) and embedded in the assembly; every report.html inlines them, so it needs nothing else.
/// </summary>
internal static class HtmlAssets
{
    /// <summary>The scripts in the order they are inlined: each uses only what comes before it.</summary>
    private static readonly string[] ScriptNames =
        ["embedded-data.js", "formatting.js", "heatmap-canvas.js", "feature-catalog.js", "feature-table.js", "feature-details.js", "feature-links.js", "report-page.js"];

    private static readonly Lazy<string> LazyStyle = new(() => Read("report.css"));

    private static readonly Lazy<string> LazyScript = new(() => string.Join("\n", ScriptNames.Select(Read)));

    public static string Style => LazyStyle.Value;

    /// <summary>Every script, one after the other, for one inline <c>&lt;script&gt;</c>.</summary>
    public static string Script => LazyScript.Value;

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Reports.Rendering.Html.Assets." + name)
            ?? throw new InvalidOperationException($"the page asset {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        // Inside the inline element, "</script" would end it early, and "<!--" with "<script" would change how it is parsed.
        var text = reader.ReadToEnd();
        foreach (var markup in (string[])["</script", "<script", "<!--"])
        {
            if (text.Contains(markup, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the page asset {name} contains \"{markup}\"");
            }
        }

        return text;
    }
}
