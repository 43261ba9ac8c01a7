namespace Reports.Rendering.Charts;

/// <summary>Numbers over the builds of a history: one name per point (a snapshot), one series per number.</summary>
public sealed record TrendModel(IReadOnlyList<string> Points, IReadOnlyList<TrendSeries> Series)
{
    /// <summary>A chart needs two points; one is a table row.</summary>
    public bool CanDraw => Points.Count >= 2 && Series.Count > 0;
}

/// <summary>One headline number over the points, aligned with <see cref="TrendModel.Points"/>.</summary>
public sealed record TrendSeries(string Name, IReadOnlyList<double> Values);
