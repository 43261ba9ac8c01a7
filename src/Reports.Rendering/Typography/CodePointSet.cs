using System.Text;

namespace Reports.Rendering.Typography;

/// <summary>
/// The characters a document shows, gathered text by text (printable ASCII always, as numbers and labels drawn later
/// need it), so texts read from a file while they are written need not be held or read twice.
/// </summary>
internal sealed class CodePointSet
{
    private readonly HashSet<int> codePoints = [.. Enumerable.Range(' ', '~' - ' ' + 1)];

    public void Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A report's text is megabytes of mostly ASCII: only the rest is decoded into code points.
        var rest = text.AsSpan();
        for (var i = rest.IndexOfAnyExceptInRange(' ', '~'); i >= 0; i = rest.IndexOfAnyExceptInRange(' ', '~'))
        {
            Rune.DecodeFromUtf16(rest[i..], out var rune, out var length);
            codePoints.Add(rune.Value);
            rest = rest[(i + length)..];
        }
    }

    /// <summary>The code points gathered, in order.</summary>
    public int[] ToArray() => [.. codePoints.Order()];
}
