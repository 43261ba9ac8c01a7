using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// Placement 3: each document as the value of a field the schema sample lacks (<c>"extra":document</c>), at four
/// places. Readers skip such a field, but must still check it is JSON: a valid one leaves the aggregate as it is
/// without the field; an invalid one is an error at its line.
/// </summary>
public sealed class JsonTestSuiteAsUnknownFieldTests
{
    private static readonly Lazy<ActivationAggregate> WithoutTheField = new(() =>
        ActivationAnalyzer.AggregatePromptsSerially(PromptsFile.Write("plain", PlacedRecord.Plain)));

    public static TheoryData<string, string> Cases => TheoryRows.Of(
        from document in JsonTestSuiteDocument.All
        from place in Enum.GetValues<UnknownFieldPlace>()
        select (document.Name, place.ToString()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_document_as_an_unknown_field_is_skipped_or_located(string document, string place)
    {
        var json = JsonTestSuiteDocument.Named(document);
        var line = PlacedRecord.WithUnknownField(Enum.Parse<UnknownFieldPlace>(place), json.Trimmed);
        var path = PromptsFile.Write($"{place}-{document}", line);
        var reading = PromptsReading.Of(path);

        switch (json.Verdict)
        {
            case JsonVerdict.Reject:
                reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.LastCaseLine(line));
                break;
            case JsonVerdict.Accept when json.HasLineFeedInside:
                // JSONL ends a record at a line feed, even one JSON reads as whitespace: the line is cut short.
                reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.LastCaseLine(line));
                break;
            case JsonVerdict.Accept:
                AssertSameAsWithoutTheField(reading);
                break;
            default:
                if (reading.Outcome is ReaderOutcome.Failed)
                {
                    reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.LastCaseLine(line));
                }
                else
                {
                    AssertSameAsWithoutTheField(reading);
                }

                ImplementationDefinedOutcomes.AssertPinned(Placement.UnknownField, document, reading.Outcome.Describe());
                break;
        }
    }

    private static void AssertSameAsWithoutTheField(PromptsReading reading)
    {
        foreach (var aggregate in reading.Aggregates)
        {
            AggregateAssert.Same(WithoutTheField.Value, aggregate, reading.Path, samePlaces: false);
        }
    }
}
