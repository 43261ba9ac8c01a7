using Microsoft.CodeAnalysis;

namespace Reports.Schema.Tests;

/// <summary>A bad sample is a compile error located in the sample file.</summary>
public sealed class SampleDiagnosticTests
{
    [Theory]
    [InlineData("a.jsonl", "{\"id\": 1}\n{\"id\": 2,}\n", null, "RPTG002", 1, 9)]
    [InlineData("a.jsonl", "{\"id\": 1}\n{\"id\": \"two\"}\n", null, "RPTG005", 1, 7)]
    [InlineData("a.jsonl", "{\"id\": NaN}\n", null, "RPTG002", 0, 7)]
    [InlineData("a.csv", "x,y\n1,2\n3\n", null, "RPTG003", 2, 0)]
    [InlineData("a.csv", "x,y\n1,\"2\n", null, "RPTG002", 1, 2)]
    [InlineData("a.csv", "x,x\n1,2\n", null, "RPTG007", 0, 2)]
    [InlineData("a.csv", "", null, "RPTG001", 0, 0)]
    [InlineData("a.csv", "x,y\n1,2\n", "z=long", "RPTG004", 0, 0)]
    [InlineData("a.csv", "x,y\n1,2\n", "x=decimal", "RPTG004", 0, 0)]
    [InlineData("a.txt", "x,y\n1,2\n", null, "RPTG006", 0, 0)]
    public void Bad_samples_are_reported_at_their_line_and_column(string file, string text, string? types, string id, int line, int column)
    {
        var run = GeneratorRun.Run(new Sample(file, text, "A", types));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/samples/" + file, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line);
        Assert.Equal(column, span.StartLinePosition.Character);
        Assert.Empty(run.Result.Results.Single().GeneratedSources.Where(s => s.HintName == "A.g.cs"));
    }

    [Fact]
    public void Files_without_record_name_metadata_are_not_samples()
    {
        var compilation = GeneratorRun.NewCompilation();
        var run = GeneratorRun.Run(compilation, new Sample("notes.csv", "x\n1\n", ""));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(RuntimeFileTests.RuntimeTypes().Select(t => "Reports.Schema.Runtime." + t + ".g.cs"), run.Result.Results.Single().GeneratedSources.Select(s => s.HintName));
    }
}
