using Reports.Analysis.Reading;
using Xunit.Sdk;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// Placement 5: each field of each csv-spectrum case, its raw bytes as written there (quoted as there, line breaks and
/// all), as the value of each text column of a descriptions CSV whose lines end as the case's do. The descriptions
/// reader must give exactly the value the case's JSON gives.
/// </summary>
public sealed class CsvSpectrumCellTests
{
    /// <remarks>
    /// location_coordinates' <c>37°36'37.8"N</c> has quotes inside an unquoted field: RFC 4180 forbids them, but
    /// Python's csv and pandas read them as written, and so does the reader.
    /// </remarks>
    public static TheoryData<string, int, int, string> Cells
    {
        get
        {
            var data = new TheoryData<string, int, int, string>();
            foreach (var spectrumCase in CsvSpectrumCase.All)
            {
                for (var record = 0; record < spectrumCase.Fields.Count; record++)
                {
                    for (var index = 0; index < spectrumCase.Fields[record].Count; index++)
                    {
                        foreach (var column in DescriptionsFile.TextColumns)
                        {
                            data.Add(spectrumCase.Name, record, index, column);
                        }
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_field_in_a_text_column_reads_as_the_case_json_gives_it(string spectrumCase, int record, int field, string column)
    {
        var corpusCase = CsvSpectrumCase.Named(spectrumCase);
        var path = DescriptionsFile.Write($"{spectrumCase}-{record}-{field}-{column}", column, corpusCase.Fields[record][field], corpusCase.LineEnd);

        var outcome = ReaderOutcome.Of("the descriptions reader (ReadDescriptions)", () => ActivationAnalyzer.ReadDescriptions(path));

        var expected = corpusCase.Values[record][field];
        if (outcome is ReaderOutcome.Failed failed)
        {
            throw new XunitException($"expected {ImplementationDefinedOutcomes.Escaped(expected)}, the descriptions reader gave {failed}");
        }

        var read = Assert.IsType<ReaderOutcome.Read<DescriptionIndex>>(outcome, exactMatch: true);
        var id = Assert.Single(read.Value.FeatureIds);
        Assert.Equal((DescriptionsFile.FeatureId, 2L), (id, read.Value.Lines[0]));
        // The text is read back from the file by its offset, as the outputs read it.
        var row = read.Value.ReadRow(id)!;
        // An empty optional text reads as null (the generated record's string? columns).
        Assert.Equal(expected.Length == 0 && DescriptionsFile.IsNullable(column) ? null : expected, DescriptionsFile.ValueIn(row, column));
    }
}
