using System.Text.Json;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// One csv-spectrum case: its CSV cut into raw fields (the bytes as written, quotes and line breaks included) and the
/// value its JSON gives each field; the header's fields give the JSON's keys.
/// </summary>
internal sealed class CsvSpectrumCase
{
    private static readonly Lazy<IReadOnlyDictionary<string, CsvSpectrumCase>> AllByName = new(Load);

    /// <summary>Where the corpus' JSON contradicts its own CSV (README.md there): the CSV's value, which a parser gives.</summary>
    private static readonly Dictionary<(string Case, int Record, int Field), string> Errata = new()
    {
        [("location_coordinates", 1, 0)] = "2095257564", // the JSON has 1234567890
    };

    private CsvSpectrumCase(string name, IReadOnlyList<IReadOnlyList<byte[]>> fields, IReadOnlyList<IReadOnlyList<string>> values, bool crlf)
    {
        Name = name;
        Fields = fields;
        Values = values;
        LineEnd = crlf ? "\r\n" : "\n";
    }

    public static IEnumerable<CsvSpectrumCase> All => AllByName.Value.Values.OrderBy(c => c.Name, StringComparer.Ordinal);

    public string Name { get; }

    /// <summary>The raw bytes of each field, record by record (record 0 is the header).</summary>
    public IReadOnlyList<IReadOnlyList<byte[]>> Fields { get; }

    /// <summary>What each field reads as: the JSON's keys for the header, its values for the records.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Values { get; }

    /// <summary>The case's own line end: the _crlf cases are about CR LF.</summary>
    public string LineEnd { get; }

    public static CsvSpectrumCase Named(string name) => AllByName.Value[name];

    private static IReadOnlyDictionary<string, CsvSpectrumCase> Load()
    {
        var cases = Directory.GetFiles(Path.Combine(CorpusFiles.CsvSpectrum, "csvs"), "*.csv").Select(csvPath =>
        {
            var name = Path.GetFileNameWithoutExtension(csvPath);
            var csv = File.ReadAllBytes(csvPath);
            var fields = RawFields(csv);
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CorpusFiles.CsvSpectrum, "json", name + ".json")));
            // One case's JSON is a lone object instead of an array of one (README.md there).
            var objects = json.RootElement.ValueKind == JsonValueKind.Array ? [.. json.RootElement.EnumerateArray()] : new[] { json.RootElement };
            var values = new List<IReadOnlyList<string>> { objects[0].EnumerateObject().Select(p => p.Name).ToArray() };
            values.AddRange(objects.Select(o => o.EnumerateObject().Select(p => p.Value.GetString()!).ToArray()));
            for (var record = 0; record < values.Count; record++)
            {
                values[record] = values[record].Select((value, field) => Errata.GetValueOrDefault((name, record, field), value)).ToArray();
            }

            Assert.Equal(values.Select(v => v.Count), fields.Select(f => f.Count));
            return new CsvSpectrumCase(name, fields, values, csv.AsSpan().IndexOf("\r\n"u8) >= 0);
        }).ToDictionary(c => c.Name, StringComparer.Ordinal);
        Assert.Equal(12, cases.Count);
        return cases;
    }

    /// <summary>
    /// Cuts a CSV into its fields' raw bytes: a field that starts with a quote runs to its closing quote (doubled quotes
    /// inside); any other runs to the next comma or line end (LF or CR LF), quotes inside it included.
    /// </summary>
    private static List<IReadOnlyList<byte[]>> RawFields(byte[] csv)
    {
        var records = new List<IReadOnlyList<byte[]>>();
        var fields = new List<byte[]>();
        var at = 0;
        while (at < csv.Length)
        {
            var start = at;
            if (csv[at] == (byte)'"')
            {
                for (at++; at < csv.Length; at++)
                {
                    if (csv[at] == (byte)'"')
                    {
                        if (at + 1 < csv.Length && csv[at + 1] == (byte)'"')
                        {
                            at++;
                        }
                        else
                        {
                            at++;
                            break;
                        }
                    }
                }
            }

            while (at < csv.Length && csv[at] != (byte)',' && csv[at] != (byte)'\n' && !(csv[at] == (byte)'\r' && at + 1 < csv.Length && csv[at + 1] == (byte)'\n'))
            {
                at++;
            }

            fields.Add(csv[start..at]);
            if (at < csv.Length && csv[at] == (byte)',')
            {
                at++;
                continue;
            }

            records.Add(fields);
            fields = [];
            at += at < csv.Length && csv[at] == (byte)'\r' ? 2 : 1;
        }

        return records;
    }
}
