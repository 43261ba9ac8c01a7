namespace Reports.Pipeline.History;

/// <summary>One FailOn rule, e.g. <c>removed&gt;0</c>: the measure over the changes, and the value it may not pass.</summary>
/// <param name="OrEqual">"&gt;=" rather than "&gt;".</param>
internal sealed record FailOnRule(string Measure, double Threshold, bool OrEqual, string Text)
{
    public bool IsBrokenBy(double value) => OrEqual ? value >= Threshold : value > Threshold;
}
