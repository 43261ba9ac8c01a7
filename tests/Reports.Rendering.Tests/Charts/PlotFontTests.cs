using Reports.Rendering.Charts;

namespace Reports.Rendering.Tests.Charts;

/// <summary>
/// Charts of different documents are made at once on different threads (the PDF's beside the HTML's), so making one
/// must not change what another gets: ScottPlot's own font setter changes the process-wide default font.
/// </summary>
public sealed class PlotFontTests
{
    private static readonly HeatmapModel Model = new(["10", "20"], ["code", "therapy"], new double?[,] { { 0.5, 1.0 }, { null, 2.0 } });

    [Fact]
    public void Making_a_heatmap_in_a_documents_font_leaves_the_process_default_font_alone()
    {
        var before = DefaultAfterFirstPlot();

        ActivationHeatmap.CreatePlot(Model, 0, 2, (0, 2), fontName: "A document's own font");

        Assert.Equal(before, ScottPlot.Fonts.Default);
    }

    [Fact]
    public void Making_a_distribution_plot_in_a_documents_font_leaves_the_process_default_font_alone()
    {
        var before = DefaultAfterFirstPlot();

        DistributionPlot.Create([("code", [0.5, 1.5]), ("therapy", [2.0])], fontName: "A document's own font");

        Assert.Equal(before, ScottPlot.Fonts.Default);
    }

    /// <summary>The default once the shipped fonts are installed (the first plot of a process installs them).</summary>
    private static string DefaultAfterFirstPlot()
    {
        ActivationHeatmap.CreatePlot(Model, 0, 2, (0, 2));
        return ScottPlot.Fonts.Default;
    }
}
