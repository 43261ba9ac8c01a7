using System.Globalization;
using System.Net;
using Reports.Rendering.Charts;

namespace Reports.Rendering.Html;

/// <summary>
/// The heatmap as inline SVG for the HTML report: the same cells, colours, labels and colour bar as the PNG, and the
/// notebook's hover text on every cell as an SVG <c>&lt;title&gt;</c>, which browsers show without any script.
/// </summary>
public static class HeatmapSvg
{
    private const int Cell = HeatmapGeometry.CellSize;

    /// <summary>Writes the SVG element; written as it goes, as a wide heatmap's SVG is megabytes.</summary>
    public static void Write(TextWriter svg, HeatmapModel model, string?[,] hoverTexts)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hoverTexts);
        var columns = model.ColumnLabels.Count;
        var rows = model.RowLabels.Count;
        var (width, height) = HeatmapGeometry.FigureSize(columns, rows);
        var (min, max) = model.ValueRange();
        var viridis = new ScottPlot.Colormaps.Viridis();
        svg.Write(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Escape(model.Title)}\">\n"));
        svg.Write(Invariant($"<text x=\"{width / 2}\" y=\"32\" class=\"title\">{Escape(model.Title)}</text>\n"));

        for (var r = 0; r < rows; r++)
        {
            var y = HeatmapGeometry.Top + (r * Cell);
            svg.Write(Invariant($"<text x=\"{HeatmapGeometry.Left - 8}\" y=\"{y + (Cell / 2)}\" class=\"row\">{Escape(model.RowLabels[r])}</text>\n"));
            for (var c = 0; c < columns; c++)
            {
                if (model.Values[r, c] is not { } value)
                {
                    continue;
                }

                var x = HeatmapGeometry.Left + (c * Cell);
                var color = viridis.GetColor((value - min) / (max - min));
                svg.Write(Invariant($"<g><title>{Escape(hoverTexts[r, c] ?? "")}</title>"));
                svg.Write(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"#{color.R:X2}{color.G:X2}{color.B:X2}\"/>"));
                svg.Write(Invariant($"<text x=\"{x + (Cell / 2)}\" y=\"{y + (Cell / 2)}\" class=\"cell\">{value.ToString("0.000", CultureInfo.InvariantCulture)}</text></g>\n"));
            }
        }

        var bottom = HeatmapGeometry.Top + (rows * Cell);
        svg.Write(Invariant($"<rect x=\"{HeatmapGeometry.Left}\" y=\"{HeatmapGeometry.Top}\" width=\"{columns * Cell}\" height=\"{rows * Cell}\" class=\"frame\"/>\n"));
        for (var c = 0; c < columns; c++)
        {
            var x = HeatmapGeometry.Left + (c * Cell) + (Cell / 2);
            svg.Write(Invariant($"<text transform=\"translate({x},{bottom + 10}) rotate(45)\" class=\"column\">{Escape(model.ColumnLabels[c])}</text>\n"));
        }

        svg.Write(Invariant($"<text x=\"{HeatmapGeometry.Left + (columns * Cell / 2)}\" y=\"{height - 12}\" class=\"axis\">{Escape(model.XAxisTitle)}</text>\n"));
        svg.Write(Invariant($"<text transform=\"translate(24,{HeatmapGeometry.Top + (rows * Cell / 2)}) rotate(-90)\" class=\"axis\">{Escape(model.YAxisTitle)}</text>\n"));
        WriteColorBar(svg, viridis, min, max, columns, rows);
        svg.Write("</svg>\n");
    }

    private static void WriteColorBar(TextWriter svg, ScottPlot.IColormap colormap, double min, double max, int columns, int rows)
    {
        var x = HeatmapGeometry.Left + (columns * Cell) + 16;
        var top = HeatmapGeometry.Top;
        var height = rows * Cell;
        svg.Write("<defs><linearGradient id=\"viridis\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (var i = 0; i <= 10; i++)
        {
            var color = colormap.GetColor(i / 10.0);
            svg.Write(Invariant($"<stop offset=\"{i * 10}%\" stop-color=\"#{color.R:X2}{color.G:X2}{color.B:X2}\"/>"));
        }

        svg.Write("</linearGradient></defs>\n");
        svg.Write(Invariant($"<rect x=\"{x}\" y=\"{top}\" width=\"18\" height=\"{height}\" fill=\"url(#viridis)\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var value = min + ((max - min) * i / 4);
            var y = top + height - (height * i / 4);
            svg.Write(Invariant($"<text x=\"{x + 24}\" y=\"{y}\" class=\"tick\">{value.ToString("0.##", CultureInfo.InvariantCulture)}</text>\n"));
        }

        svg.Write(Invariant($"<text transform=\"translate({x + 80},{top + (height / 2)}) rotate(90)\" class=\"axis\">Mean Activation</text>\n"));
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
