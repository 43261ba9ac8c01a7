using System.Globalization;
using System.Text;
using System.Text.Json;
using Reports.Rendering.Charts;

namespace Reports.Rendering.Html;

/// <summary>
/// The heatmap as the page's canvas draws it: its labels, the values row-major (null for blank cells) with the text
/// each cell shows (the PNG's, Python's <c>str(np.round(x, 3))</c>), the notebook's hover text of every cell, the colour
/// range with the colour bar's ticks, and the colour map as 256 hex colours (ScottPlot's Viridis, the PNG's and the PDF's).
/// </summary>
internal static class HeatmapJson
{
    /// <summary>The element id the page reads the heatmap from.</summary>
    public const string ElementId = "heatmap-data";

    private const int ColorSteps = 256;

    /// <param name="ticks">The colour bar's ticks, heatmap.png's and the PDF's (<see cref="HeatmapColorBarTicks"/>).</param>
    public static void Write(Utf8JsonWriter json, HeatmapModel model, string?[,] hoverTexts, IReadOnlyList<(double Value, string Label)> ticks)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hoverTexts);
        ArgumentNullException.ThrowIfNull(ticks);
        var rows = model.RowLabels.Count;
        var columns = model.ColumnLabels.Count;
        var (min, max) = model.ValueRange();
        json.WriteStartObject();
        json.WriteString("title", model.Title);
        json.WriteString("xTitle", model.XAxisTitle);
        json.WriteString("yTitle", model.YAxisTitle);
        json.WriteString("colorTitle", model.ColorBarTitle);
        JsonColumns.Texts(json, "columns", model.ColumnLabels);
        JsonColumns.Texts(json, "rows", model.RowLabels);
        var values = new double[rows * columns];
        var texts = new string?[rows * columns];
        var hover = new string?[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = model.Values[r, c] ?? double.NaN;
                texts[(r * columns) + c] = model.Values[r, c] is { } value ? PythonFormat.RoundedRepr(value, 3) : null;
                hover[(r * columns) + c] = hoverTexts[r, c];
            }
        }

        JsonColumns.Numbers(json, "values", values);
        JsonColumns.Texts(json, "cellTexts", texts);
        JsonColumns.Texts(json, "hover", hover);
        json.WriteNumber("min", min);
        json.WriteNumber("max", max);
        JsonColumns.Numbers(json, "ticks", [.. ticks.Select(t => t.Value)]);
        JsonColumns.Texts(json, "tickLabels", [.. ticks.Select(t => t.Label)]);
        json.WriteString("colors", Colors());
        json.WriteEndObject();
    }

    /// <summary>The colour map sampled at 256 steps from the smallest value to the largest, as "rrggbb" after each other.</summary>
    private static string Colors()
    {
        var viridis = new ScottPlot.Colormaps.Viridis();
        var hex = new StringBuilder(ColorSteps * 6);
        for (var i = 0; i < ColorSteps; i++)
        {
            var color = viridis.GetColor(i / (double)(ColorSteps - 1));
            hex.Append(CultureInfo.InvariantCulture, $"{color.R:x2}{color.G:x2}{color.B:x2}");
        }

        return hex.ToString();
    }
}
