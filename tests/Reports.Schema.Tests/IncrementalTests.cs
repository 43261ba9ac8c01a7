using Microsoft.CodeAnalysis;

namespace Reports.Schema.Tests;

/// <summary>The generator as the compiler runs it across edits: a changed sample regenerates, an unchanged one is cached.</summary>
public sealed class IncrementalTests
{
    [Fact]
    public void Adding_a_column_to_the_sample_adds_a_property_to_the_record()
    {
        var first = GeneratorRun.Run(Samples.Rows);
        Assert.DoesNotContain("Weight", first.Source("Row.g.cs"), StringComparison.Ordinal);

        var widened = Samples.Rows with { Text = Samples.Rows.Text.Replace("note\n", "note,weight\n", StringComparison.Ordinal).Replace("first\n", "first,0.5\n", StringComparison.Ordinal) + ",2" };
        var second = first.RunAgain(widened);

        var source = second.Source("Row.g.cs");
        Assert.Contains("public required double Weight { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("\"weight\"", source, StringComparison.Ordinal);
        var record = second.Load().GetType("Samples.Row")!;
        Assert.Equal(typeof(double), record.GetProperty("Weight")!.PropertyType);
        Assert.Contains(StepReasons(second), reason => reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
    }

    [Fact]
    public void An_unchanged_sample_is_served_from_the_cache()
    {
        var first = GeneratorRun.Run(Samples.Rows, Samples.Records);

        var second = first.RunAgain(Samples.Rows, Samples.Records);

        var reasons = StepReasons(second);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        Assert.Equal(first.Source("Row.g.cs"), second.Source("Row.g.cs"));
    }

    /// <summary>How the source-output step's inputs were computed in the last run.</summary>
    private static IncrementalStepRunReason[] StepReasons(GeneratorRun run) =>
        [.. run.Result.Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason)];
}
