namespace Reports.Analysis.Tests.Conformance;

/// <summary>Where the vendored conformance corpora live: tests/Corpora, found from the repository root as the demo data is.</summary>
internal static class CorpusFiles
{
    public static string Root => Path.Combine(TestData.RepositoryRoot, "tests", "Corpora");

    public static string JsonTestSuiteParsing => Path.Combine(Root, "JSONTestSuite", "test_parsing");

    public static string CsvSpectrum => Path.Combine(Root, "csv-spectrum");
}
