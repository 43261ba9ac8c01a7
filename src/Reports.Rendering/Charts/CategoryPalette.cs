using ScottPlot;

namespace Reports.Rendering.Charts;

/// <summary>
/// One colour per category index, the same on every feature page: Okabe and Ito's palette, which readers with any of
/// the common colour-vision deficiencies tell apart, without its black (the mean bars are black). Past seven
/// categories the colours repeat; a category is always named under its column.
/// </summary>
internal static class CategoryPalette
{
    private static readonly Color[] Colors =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#F0E442"), // yellow, last: the faintest on white
    ];

    public static int Count => Colors.Length;

    public static Color Of(int categoryIndex) => Colors[((categoryIndex % Colors.Length) + Colors.Length) % Colors.Length];
}
