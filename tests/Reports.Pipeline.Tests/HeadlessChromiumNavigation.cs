using System.Text.Json.Nodes;

namespace Reports.Tests;

/// <summary>Opening a link in the browser a test already has, as a new document (tests/Shared/HeadlessChromium.cs has the rest).</summary>
internal sealed partial class HeadlessChromium
{
    /// <summary>
    /// Opens <paramref name="url"/> as a fresh page load, through about:blank: the page's own address with a fragment would
    /// otherwise be a move within the open document, not the link a colleague opens.
    /// </summary>
    public async Task NavigateAsync(string url)
    {
        foreach (var address in (string[])["about:blank", url])
        {
            await SendAsync("Page.navigate", new JsonObject { ["url"] = address });
            await WaitForLoadAsync(address);
        }
    }
}
