using Reports.Rendering.Charts;
using ScottPlot;
using SkiaSharp;

namespace Reports.Rendering.Tests.Charts;

/// <summary>
/// A chart drawn with one full render must look exactly as ScottPlot's own repeated render leaves it, for the heatmap's
/// fixed layout and the strip plot's automatic one.
/// </summary>
public sealed class PlotRenderingTests
{
    private static readonly HeatmapModel Model = new(["10", "20", "30"], ["code", "math", "therapy"], new double?[,] { { 0.5, 1.0, 9.5 }, { null, 2.0, 4.25 }, { 7.0, 3.5, 0.0 } });

    private static readonly IReadOnlyList<(string, IReadOnlyList<double>)> Categories =
        [("code", [0.5, 1.5, 12.25]), ("math", [2.0]), ("therapy", [3.0, 31.5, 8.0, 9.0])];

    public static TheoryData<string> Charts => ["heatmap", "strip plot"];

    [Theory]
    [MemberData(nameof(Charts))]
    public void One_full_render_draws_what_scottplots_repeated_render_leaves(string chart)
    {
        const int Width = 900, Height = 400;

        // ScottPlot's own way: a render that set the limits is repeated; a second call draws the settled plot.
        var own = Create(chart);
        Record(canvas => own.Render(canvas, Width, Height), Width, Height).Dispose();
        using var expected = Record(canvas => own.Render(canvas, Width, Height), Width, Height);
        using var actual = Record(canvas => PlotRendering.Draw(Create(chart), canvas, SKRect.Create(Width, Height)), Width, Height);

        Assert.Equal(expected.Serialize().ToArray(), actual.Serialize().ToArray());
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_plottables_and_the_drawing_steps_after_them_run_once(string chart)
    {
        // A render costs milliseconds and a large report draws hundreds of charts: ScottPlot's repeated render and a
        // throw-away layout render drew each heatmap page three times.
        var plot = Create(chart);
        var plottable = new PlottableCounter();
        var step = new StepCounter();
        plot.Add.Plottable(plottable);
        plot.RenderManager.RenderActions.Add(step);

        Record(canvas => PlotRendering.Draw(plot, canvas, SKRect.Create(900, 400)), 900, 400).Dispose();

        Assert.Equal(1, plottable.Renders);
        Assert.Equal(1, step.Runs);
    }

    private static Plot Create(string chart) =>
        chart == "heatmap" ? ActivationHeatmap.CreatePlot(Model, 0, 3, Model.ValueRange()) : DistributionPlot.Create(Categories);

    private static SKPicture Record(Action<SKCanvas> draw, int width, int height)
    {
        using var recorder = new SKPictureRecorder();
        draw(recorder.BeginRecording(SKRect.Create(width, height)));
        return recorder.EndRecording();
    }

    private sealed class StepCounter : IRenderAction
    {
        public int Runs { get; private set; }

        public void Render(RenderPack rp) => Runs++;
    }

    private sealed class PlottableCounter : IPlottable
    {
        public int Renders { get; private set; }

        public bool IsVisible { get; set; } = true;

        public IAxes Axes { get; set; } = new ScottPlot.Axes();

        public IEnumerable<LegendItem> LegendItems => [];

        public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

        public void Render(RenderPack rp) => Renders++;
    }
}
