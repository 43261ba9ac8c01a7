using System.Text.Json;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;
using Reports.Schema;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// Placement 2: the value of each <c>[value]</c> document, its raw bytes, as the value of each of the five string
/// fields. A valid string reads as System.Text.Json decodes it, on both paths and in the strongest prompts read back
/// from the file (PendingPrompts, which crashed on odd strings before); a valid non-string is a type mismatch; an
/// invalid value is an error at its line.
/// </summary>
public sealed class JsonTestSuiteAsStringValueTests
{
    public static TheoryData<string, string> Cases => TheoryRows.Of(
        from document in JsonTestSuiteDocument.All
        where document.SingleValue is not null
        from stringField in Enum.GetValues<StringField>()
        select (document.Name, stringField.ToString()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_value_as_a_string_field_reads_as_json_decodes_it_or_is_located(string document, string field)
    {
        var json = JsonTestSuiteDocument.Named(document);
        var stringField = Enum.Parse<StringField>(field);
        var value = json.SingleValue!;
        var line = PlacedRecord.WithString(stringField, value);
        var path = PromptsFile.Write($"{field}-{document}", line);
        var reading = PromptsReading.Of(path);

        switch (json.Verdict)
        {
            case JsonVerdict.Reject:
                reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.LastCaseLine(line));
                break;
            case JsonVerdict.Accept:
                using (var parsed = json.Parsed())
                {
                    var element = parsed.RootElement[0];
                    if (element.ValueKind == JsonValueKind.String)
                    {
                        AssertReadAs(reading, stringField, element.GetString()!);
                    }
                    else
                    {
                        var failed = reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.CaseLine);
                        Assert.Equal(nameof(SchemaErrorKind.TypeMismatch), failed.Kind);
                    }
                }

                break;
            default:
                var described = reading.Outcome.Describe();
                if (reading.Outcome is ReaderOutcome.Failed)
                {
                    reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.LastCaseLine(line));
                }
                else
                {
                    var read = ReadWithGeneratedReader(path, stringField);
                    AssertReadAs(reading, stringField, read);
                    // A lone surrogate escape reads as U+FFFD, and the report warns of it (RPT108) from this count.
                    Assert.All(reading.Aggregates, a => Assert.Equal(read.Contains('\uFFFD', StringComparison.Ordinal), a.ReplacedSurrogates.Count > 0));
                    described = "read as " + ImplementationDefinedOutcomes.Escaped(read);
                }

                ImplementationDefinedOutcomes.AssertPinned(Placement.StringValue, document, described);
                break;
        }
    }

    /// <summary>The field has <paramref name="expected"/> wherever a reader gives it back.</summary>
    private static void AssertReadAs(PromptsReading reading, StringField field, string expected)
    {
        var aggregates = reading.Aggregates.ToArray();
        Assert.Equal(expected, ReadWithGeneratedReader(reading.Path, field));
        foreach (var aggregate in aggregates)
        {
            // The aggregate keeps only the place of the feature's records; a report reads them back like this.
            var evidence = FeatureEvidenceReader.Read(reading.Path, PlacedRecord.FeatureId, aggregate.Features[PlacedRecord.FeatureId].Records, 5);
            var prompt = Assert.Single(evidence.TopPrompts, p => p.PromptId == 2001);
            switch (field)
            {
                case StringField.PromptText:
                    Assert.Equal(expected, prompt.Text);
                    break;
                case StringField.PromptLabel:
                    Assert.Equal(expected, prompt.Label);
                    Assert.Contains(expected, aggregate.LabelCounts.Keys);
                    break;
                case StringField.TokenizedPromptItem:
                    Assert.Equal(expected, prompt.TokenizedPrompt[1]);
                    break;
                case StringField.TokenText:
                    Assert.Equal(expected, prompt.Tokens[1].Token);
                    Assert.Contains(expected, aggregate.Features[PlacedRecord.FeatureId].TopTokens(int.MaxValue).Select(t => t.Token));
                    break;
                default:
                    break; // the feature's token is not part of the aggregate
            }
        }
    }

    private static string ReadWithGeneratedReader(string path, StringField field)
    {
        using var reader = FeatureRecordJsonlReader.Open(path);
        while (reader.TryRead(out var record))
        {
            if (record.FeatureId == PlacedRecord.FeatureId)
            {
                return PlacedRecord.ValueIn(record, field);
            }
        }

        throw new Xunit.Sdk.XunitException($"no record of feature {PlacedRecord.FeatureId} in {path}");
    }
}
