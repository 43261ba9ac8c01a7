using SkiaSharp;

namespace Reports.Rendering.Pdf;

/// <summary>Page geometry and the PDF's metadata.</summary>
internal sealed record DocumentSettings
{
    /// <summary>A4 landscape, in points.</summary>
    public static SKSize A4Landscape { get; } = new(842, 595);

    public static SKSize A4Portrait { get; } = new(595, 842);

    public required string Title { get; init; }

    public string Subject { get; init; } = "";

    public string Author { get; init; } = "";

    public string Creator { get; init; } = "";

    public string Producer { get; init; } = "";

    /// <summary>Creation and modification date; null writes none. Callers pass SOURCE_DATE_EPOCH, never the clock.</summary>
    public DateTimeOffset? Date { get; init; }

    public SKSize PageSize { get; init; } = A4Landscape;

    public float Margin { get; init; } = 36;

    /// <summary>Room above and below the content for the running header and the footer.</summary>
    public float HeaderHeight { get; init; } = 18;
}
