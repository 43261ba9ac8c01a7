using Reports.Analysis.Aggregation;
using Reports.Schema;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// Placement 1: each JSONTestSuite document as the whole second line of a prompts file. None is a feature record, so a
/// valid document is a schema error (never "malformed JSON"); an invalid one is an error located at its own line.
/// </summary>
public sealed class JsonTestSuiteAsWholeLineTests
{
    public static TheoryData<string> Documents => [.. JsonTestSuiteDocument.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_document_as_a_line_is_read_or_located_at_its_line(string document)
    {
        var json = JsonTestSuiteDocument.Named(document);
        var path = PromptsFile.Write(document, json.Bytes);
        var reading = PromptsReading.Of(path);
        var lastLine = PromptsFile.LastCaseLine(json.Bytes);

        if (IsBlank(json.Bytes))
        {
            // README: blank lines are skipped (and counted); a document of only whitespace is no record at all.
            Assert.All(reading.Aggregates, a => Assert.Equal(2, a.RecordCount));
            return;
        }

        switch (json.Verdict)
        {
            case JsonVerdict.Reject:
                reading.AssertFailedWithin(PromptsFile.CaseLine, lastLine);
                break;
            case JsonVerdict.Accept when json.HasLineFeedInside:
                // JSONL ends a record at a line feed, even one JSON reads as whitespace: the line is cut short.
                reading.AssertFailedWithin(PromptsFile.CaseLine, lastLine);
                break;
            case JsonVerdict.Accept:
                var failed = reading.AssertFailedWithin(PromptsFile.CaseLine, lastLine);
                Assert.True(failed.Kind is nameof(SchemaErrorKind.TypeMismatch) or nameof(SchemaErrorKind.MissingField) or nameof(SchemaErrorKind.DuplicateField),
                    $"valid JSON that is not a feature record must be a schema error, found {failed}");
                break;
            default:
                if (reading.Outcome is ReaderOutcome.Failed)
                {
                    reading.AssertFailedWithin(PromptsFile.CaseLine, lastLine);
                }

                ImplementationDefinedOutcomes.AssertPinned(Placement.WholeLine, document, reading.Outcome.Describe());
                break;
        }
    }

    /// <summary>Every line of it is blank to the JSONL reader (spaces and tabs; CR before LF is the line end).</summary>
    private static bool IsBlank(byte[] bytes) =>
        bytes.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
