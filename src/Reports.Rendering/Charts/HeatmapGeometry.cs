namespace Reports.Rendering.Charts;

/// <summary>
/// The heatmap's size in logical pixels: square cells (60 px, as in the notebook) and fixed margins for the title,
/// the rotated feature ticks, the category ticks and the colour bar, so cells stay square at any column count.
/// </summary>
internal static class HeatmapGeometry
{
    public const int CellSize = 60;
    public const int Left = 170;
    public const int Right = 150;
    public const int Top = 60;
    public const int Bottom = 110;

    public static (int Width, int Height) FigureSize(int columns, int rows) =>
        (Left + (columns * CellSize) + Right, Top + (rows * CellSize) + Bottom);

    /// <summary>How many feature columns fit across a given width (at least one).</summary>
    public static int ColumnsThatFit(float width) => Math.Max(1, (int)((width - Left - Right) / CellSize));
}
