using ScottPlot;

namespace Reports.Rendering.Charts;

/// <summary>One colour per category index, the same on every feature page (D3's Category10, as in
/// Plotly and matplotlib: distinct hues that stay apart in print, none of them black like the mean bars).</summary>
public static class CategoryPalette
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Color Of(int categoryIndex) => Palette.GetColor(categoryIndex);
}
