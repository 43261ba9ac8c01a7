namespace Reports.Analysis.Tests.Conformance;

/// <summary>docs/input-limits.md shows the pinned i_ outcomes as they are in the tests.</summary>
public sealed class InputLimitsDocumentTests
{
    [Fact]
    public void The_documented_outcomes_of_the_i_documents_are_the_pinned_ones()
    {
        var document = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "input-limits.md")).ReplaceLineEndings("\n");
        var heading = "## JSONTestSuite i_ documents\n";
        var start = document.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/input-limits.md has no section '{heading.Trim()}'");

        Assert.Contains(InputLimitsTable.Markdown(), document[start..], StringComparison.Ordinal);
    }

    [Fact]
    public void The_pinned_outcomes_list_every_i_document_once()
    {
        var documents = JsonTestSuiteDocument.All.Where(d => d.Verdict == JsonVerdict.ImplementationDefined).Select(d => d.Name);

        Assert.Equal(documents, ImplementationDefinedOutcomes.Table.Select(r => r.Document));
    }
}
