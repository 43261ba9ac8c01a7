using System.Diagnostics;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reports.Tests;

/// <summary>
/// A page opened in Debian's headless Chromium and driven over the DevTools protocol: which fonts the browser really
/// drew a text with (CSS.getPlatformFontsForNode), scripts run in the page, real mouse and keyboard input, every
/// request the page made, and a screenshot. No network: the page is a local file.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process process;
    private readonly ClientWebSocket socket = new();
    private readonly string profile;
    private readonly List<string> requestedUrls = [];
    private int nextId;
    private int probes;

    private HeadlessChromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    public static bool IsInstalled => File.Exists("/usr/bin/chromium");

    /// <summary>A font the browser drew some of a node's glyphs with.</summary>
    public sealed record PlatformFont(string FamilyName, bool IsCustomFont, int GlyphCount);

    public static async Task<HeadlessChromium> OpenAsync(string htmlPath, int width = 1400, int height = 1000)
    {
        var profile = Directory.CreateTempSubdirectory("reports-chromium-").FullName;
        var start = new ProcessStartInfo("/usr/bin/chromium") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chromium");
        var browser = new HeadlessChromium(process, profile);
        string? line;
        Match? listening = null;
        while ((line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))) is not null)
        {
            if ((listening = DevToolsLine().Match(line)).Success)
            {
                break;
            }
        }

        if (listening is not { Success: true })
        {
            throw new InvalidOperationException("chromium did not open its DevTools port");
        }

        _ = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{listening.Groups["port"].Value}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await browser.socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        await browser.SendAsync("Page.enable");
        await browser.SendAsync("Network.enable");
        var url = new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri;
        await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await browser.WaitForLoadAsync(url);
        await browser.SendAsync("DOM.enable");
        await browser.SendAsync("CSS.enable");
        return browser;
    }

    /// <summary>The fonts the browser drew the element holding <paramref name="text"/> with (the first such element).</summary>
    public async Task<IReadOnlyList<PlatformFont>> FontsOfTextAsync(string text)
    {
        // The element is found by its text among those drawn (not an SVG tooltip's title) and given an id, then looked
        // up in the DOM domain by it.
        var id = "reports-probe-" + (++probes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var script = $$"""
            (() => {
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const element = walker.currentNode.parentElement;
                if (walker.currentNode.nodeValue.includes({{JsonSerializer.Serialize(text)}}) && element.getClientRects().length > 0) { element.id = "{{id}}"; return true; }
              }
              return false;
            })()
            """;
        var found = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script, ["returnByValue"] = true });
        if ((bool?)found["result"]?["value"] != true)
        {
            var where = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "location.href + ' ' + document.body.innerText.length", ["returnByValue"] = true });
            throw new InvalidOperationException(found.ToJsonString() + " " + where.ToJsonString());
        }

        var document = await SendAsync("DOM.getDocument", new JsonObject { ["depth"] = 0 });
        var node = await SendAsync("DOM.querySelector", new JsonObject { ["nodeId"] = (int)document["root"]!["nodeId"]!, ["selector"] = "#" + id });
        var fonts = await SendAsync("CSS.getPlatformFontsForNode", new JsonObject { ["nodeId"] = (int)node["nodeId"]! });
        return [.. fonts["fonts"]!.AsArray().Select(f => new PlatformFont((string)f!["familyName"]!, (bool)f["isCustomFont"]!, (int)f["glyphCount"]!))];
    }

    /// <summary>Every URL the page asked for since it was opened (itself, data: URLs, anything else).</summary>
    public async Task<IReadOnlyList<string>> RequestedUrlsAsync()
    {
        // Events are read with the replies: one more round trip takes in those sent so far.
        await EvaluateAsync("0");
        return [.. requestedUrls];
    }

    /// <summary>The value of a script run in the page; a promise is awaited. Throws with the page's error when it throws.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (reply["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"{expression}: {exception.ToJsonString()}");
        }

        return reply["result"]?["value"];
    }

    /// <summary>Moves the mouse to a point of the viewport (CSS pixels), as a user's mouse would.</summary>
    public Task MoveMouseAsync(double x, double y) =>
        SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseMoved", ["x"] = x, ["y"] = y });

    /// <summary>A left click at a point of the viewport: move, press, release.</summary>
    public async Task ClickAsync(double x, double y)
    {
        await MoveMouseAsync(x, y);
        foreach (var type in (string[])["mousePressed", "mouseReleased"])
        {
            await SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 });
        }
    }

    /// <summary>Turns the mouse wheel at a point of the viewport (a negative delta turns it away from the user: zoom in).</summary>
    public Task WheelAsync(double x, double y, double deltaY) =>
        SendAsync("Input.dispatchMouseEvent", new JsonObject { ["type"] = "mouseWheel", ["x"] = x, ["y"] = y, ["deltaX"] = 0, ["deltaY"] = deltaY });

    /// <summary>Types text into the focused element, as an input method would (one input event).</summary>
    public Task InsertTextAsync(string text) => SendAsync("Input.insertText", new JsonObject { ["text"] = text });

    /// <param name="wholePage">The whole page (the default), or only the viewport at its scroll position.</param>
    public async Task ScreenshotAsync(string pngPath, bool wholePage = true)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = wholePage });
        await File.WriteAllBytesAsync(pngPath, Convert.FromBase64String((string)shot["data"]!));
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(profile, recursive: true);
    }

    private async Task WaitForLoadAsync(string url)
    {
        var expression = new JsonObject { ["expression"] = "location.href + ' ' + document.readyState" };
        var state = await SendAsync("Runtime.evaluate", expression.DeepClone().AsObject());
        for (var i = 0; i < 300 && (string?)state["result"]?["value"] != url + " complete"; i++)
        {
            await Task.Delay(100);
            state = await SendAsync("Runtime.evaluate", expression.DeepClone().AsObject());
        }

        // Web fonts load after the document: wait for them too.
        await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.fonts.ready.then(() => true)", ["awaitPromise"] = true });
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
                received.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var reply = JsonNode.Parse(received.ToArray())!;
            if ((string?)reply["method"] == "Network.requestWillBeSent" && (string?)reply["params"]?["request"]?["url"] is { } requested)
            {
                requestedUrls.Add(requested);
            }

            if ((int?)reply["id"] != id)
            {
                continue; // an event, or a reply to something else
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            }

            return reply["result"]!;
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex DevToolsLine();
}
