using Reports.Rendering.Pdf;
using SkiaSharp;

namespace Reports.Rendering.Charts;

/// <summary>
/// <c>heatmap.png</c>: the heatmap, legible at any SAE width. It is drawn at twice the notebook's pixels while that stays
/// within <see cref="PreferredWidth"/>, else at its pixels (a selection of a few hundred features, not a 30,000-pixel
/// strip); below it, when the heatmap shows a selection, the overview of every feature. Where the heatmap's cells would
/// be too small to read (every feature of a wide analysis), the overview is drawn in its place, so the picture is never
/// a strip a few pixels tall.
/// </summary>
public static class HeatmapPng
{
    internal const float PreferredScale = 2;

    /// <summary>Past this width the heatmap is drawn at the notebook's pixels (scale 1) instead of twice them.</summary>
    internal const int PreferredWidth = 16_000;

    /// <summary>Cells smaller than this many pixels are not worth a heatmap: the overview stands for them.</summary>
    internal const int MinimumCellPixels = 24;

    /// <summary>The shortest picture: a heatmap less tall than this gets the overview under it.</summary>
    internal const int MinimumHeight = 300;

    /// <summary>The overview's width when no wider heatmap sets it.</summary>
    internal const int OverviewWidth = 3_200;

    /// <summary>The most pixels a picture gets (a gigabyte of RGBA): past it, the whole picture is drawn smaller.</summary>
    internal const float MaxPixels = 256e6f;

    /// <summary>A report without a feature with prompts still gets its picture, saying so.</summary>
    private static void SaveEmpty(Stream destination)
    {
        using var fonts = FontSet.Shipped();
        using var surface = SKSurface.Create(new SKImageInfo(1200, 160, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        fonts.Draw(surface.Canvas, "No feature of this report has active prompts: the heatmap has no cells.", 40, 90, new TextStyle(24));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        png.SaveTo(destination);
    }

    /// <param name="overview">Every feature; drawn below the heatmap when <paramref name="appendOverview"/> (the heatmap is a selection), and in its place when the heatmap cannot be read.</param>
    public static void Save(HeatmapModel heatmap, FeatureOverviewModel? overview, bool appendOverview, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        ArgumentNullException.ThrowIfNull(destination);
        var columns = heatmap.ColumnLabels.Count;
        if (columns == 0 || heatmap.RowLabels.Count == 0)
        {
            SaveEmpty(destination);
            return;
        }

        var (width, height) = HeatmapGeometry.FigureSize(columns, heatmap.RowLabels.Count);
        var scale = Math.Min(PreferredScale, Math.Max(1, (float)PreferredWidth / width));
        scale = Math.Min(scale, (float)ActivationHeatmap.MaxPngWidth / width);
        var legible = columns > 0 && HeatmapGeometry.CellSize * scale >= MinimumCellPixels;
        var withHeatmap = legible || overview is null;
        var withOverview = overview is not null && (appendOverview || !legible || height * scale < MinimumHeight);
        if (!withOverview)
        {
            ActivationHeatmap.SavePng(heatmap, destination, scale);
            return;
        }

        var heatmapWidth = withHeatmap ? (int)(width * scale) : 0;
        var heatmapHeight = withHeatmap ? (int)(height * scale) : 0;
        var pictureWidth = Math.Max(heatmapWidth, OverviewWidth);
        using var fonts = FontSet.Shipped();
        // Text and rows grow with a wide picture (2 to 4 times the PDF's points), so the overview under a heatmap of
        // many thousand pixels is not a band of tiny type.
        var overviewScale = Math.Clamp(pictureWidth / 1_600f, 2, 4);
        var margin = 20 * overviewScale;
        var titleStyle = new TextStyle(9 * overviewScale, Bold: true);
        var noteStyle = new TextStyle(7.5f * overviewScale);
        var textWidth = pictureWidth - (2 * margin);
        var lines = TextWrapper.Wrap(fonts, overview!.Title, titleStyle, textWidth).Select(l => (Text: l, Style: titleStyle))
            .Concat(TextWrapper.Wrap(fonts, overview.BinRule, noteStyle, textWidth).Select(l => (Text: l, Style: noteStyle))).ToArray();
        var captionHeight = lines.Sum(l => l.Style.LineHeight) + (6 * overviewScale);
        var figureHeight = FeatureOverview.Height(overview, fonts, textWidth, overviewScale);
        var pictureHeight = heatmapHeight + (int)MathF.Ceiling(margin + captionHeight + figureHeight + margin);

        // Thousands of categories make a picture taller than a bitmap can be: drawn smaller, never not at all.
        var fit = Math.Min(1f, Math.Min((float)ActivationHeatmap.MaxPngWidth / pictureWidth, (float)ActivationHeatmap.MaxPngWidth / pictureHeight));
        fit = Math.Min(fit, MathF.Sqrt(MaxPixels / ((float)pictureWidth * pictureHeight)));
        using var surface = SKSurface.Create(new SKImageInfo(Math.Max(1, (int)(pictureWidth * fit)), Math.Max(1, (int)(pictureHeight * fit)), SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(fit);
        if (withHeatmap)
        {
            var plot = ActivationHeatmap.CreatePlot(heatmap, 0, columns, heatmap.ValueRange(), scale: scale);
            plot.ScaleFactor = scale;
            PlotRendering.Draw(plot, canvas, SKRect.Create(0, 0, heatmapWidth, heatmapHeight));
        }

        var y = heatmapHeight + margin;
        foreach (var (text, style) in lines)
        {
            fonts.Draw(canvas, text, margin, y + (style.Size * 1.05f), style);
            y += style.LineHeight;
        }

        y += 6 * overviewScale;
        FeatureOverview.Draw(canvas, SKRect.Create(margin, MathF.Round(y), textWidth, figureHeight), overview, fonts, overviewScale, pixelAligned: true);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        png.SaveTo(destination);
    }
}
