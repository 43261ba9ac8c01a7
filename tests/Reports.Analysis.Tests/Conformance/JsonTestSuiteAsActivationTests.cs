using System.Globalization;
using Reports.Schema;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// Placement 4: the number of each <c>[number]</c> document as <c>prompt_feature_activation</c>. A valid number reads
/// as the double System.Text.Json gives (the same bits), or, beyond a double's range, is the non-finite-number error
/// the README documents; an invalid one is an error at its line.
/// </summary>
public sealed class JsonTestSuiteAsActivationTests
{
    public static TheoryData<string> Documents =>
        [.. JsonTestSuiteDocument.All.Where(d => d.IsNumber && d.SingleValue is not null).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_number_as_the_activation_reads_as_json_parses_it_or_is_located(string document)
    {
        var json = JsonTestSuiteDocument.Named(document);
        var line = PlacedRecord.WithActivation(json.SingleValue!);
        var path = PromptsFile.Write(document, line);
        var reading = PromptsReading.Of(path);

        switch (json.Verdict)
        {
            case JsonVerdict.Reject:
                reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.LastCaseLine(line));
                break;
            case JsonVerdict.Accept:
                using (var parsed = json.Parsed())
                {
                    if (parsed.RootElement[0].TryGetDouble(out var expected) && double.IsFinite(expected))
                    {
                        AssertReadAs(reading, expected);
                    }
                    else
                    {
                        var failed = reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.CaseLine);
                        Assert.Equal(nameof(SchemaErrorKind.NonFiniteNumber), failed.Kind);
                    }
                }

                break;
            default:
                var described = reading.Outcome.Describe();
                if (reading.Outcome is ReaderOutcome.Failed)
                {
                    reading.AssertFailedWithin(PromptsFile.CaseLine, PromptsFile.CaseLine);
                }
                else
                {
                    var read = ActivationOf(reading.Aggregates.First());
                    AssertReadAs(reading, read);
                    described = "read as " + read.ToString("R", CultureInfo.InvariantCulture);
                }

                ImplementationDefinedOutcomes.AssertPinned(Placement.Activation, document, described);
                break;
        }
    }

    /// <summary>Both paths hold exactly these bits for the prompt (-0 is not 0).</summary>
    private static void AssertReadAs(PromptsReading reading, double expected)
    {
        foreach (var aggregate in reading.Aggregates)
        {
            var read = ActivationOf(aggregate);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(read),
                $"expected {expected.ToString("R", CultureInfo.InvariantCulture)}, read {read.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }

    private static double ActivationOf(Aggregation.ActivationAggregate aggregate)
    {
        // The only prompt of its label: its cell's minimum is its activation, as the reader read it.
        var cell = aggregate.Features[PlacedRecord.FeatureId].StatisticsOf(PlacedRecord.SlotPromptLabel)!.Value;
        Assert.Equal(1, cell.Count);
        return cell.Min;
    }
}
