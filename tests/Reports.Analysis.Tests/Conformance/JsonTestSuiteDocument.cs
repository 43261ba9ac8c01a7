using System.Text.Json;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>One document of JSONTestSuite's test_parsing, as its bytes (some are not UTF-8, some hold NUL).</summary>
internal sealed class JsonTestSuiteDocument
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonTestSuiteDocument>> AllByName = new(Load);

    private JsonTestSuiteDocument(string name, byte[] bytes)
    {
        Name = name;
        Bytes = bytes;
    }

    public static IEnumerable<JsonTestSuiteDocument> All => AllByName.Value.Values.OrderBy(d => d.Name, StringComparer.Ordinal);

    public string Name { get; }

    public byte[] Bytes { get; }

    public JsonVerdict Verdict => Name[0] switch
    {
        'y' => JsonVerdict.Accept,
        'n' => JsonVerdict.Reject,
        'i' => JsonVerdict.ImplementationDefined,
        _ => throw new InvalidOperationException($"{Name}: a name without y_, n_ or i_"),
    };

    /// <summary>Without JSON whitespace around it: a value placed inside a line must not bring its own line end.</summary>
    public byte[] Trimmed => TrimJsonWhiteSpace(Bytes).ToArray();

    /// <summary>
    /// For a document written <c>[value]</c>, the raw bytes of the value (without the whitespace around it); null for
    /// other documents. A valid document must hold exactly one value; for the others the brackets are enough.
    /// </summary>
    public byte[]? SingleValue
    {
        get
        {
            var trimmed = TrimJsonWhiteSpace(Bytes);
            if (trimmed.Length < 2 || trimmed[0] != (byte)'[' || trimmed[^1] != (byte)']')
            {
                return null;
            }

            if (Verdict == JsonVerdict.Accept && Parsed().RootElement.GetArrayLength() != 1)
            {
                return null;
            }

            var value = TrimJsonWhiteSpace(trimmed[1..^1]);
            return value.IsEmpty ? null : value.ToArray();
        }
    }

    /// <summary>
    /// A line feed inside the document (JSON whitespace): JSONL ends a record there, so even a valid document placed in a
    /// line cuts it into lines that are no records of their own.
    /// </summary>
    public bool HasLineFeedInside => Trimmed.AsSpan().Contains((byte)'\n');

    /// <summary>JSONTestSuite names every number document <c>?_number_...</c>.</summary>
    public bool IsNumber => Name.AsSpan(1).StartsWith("_number", StringComparison.Ordinal);

    public static JsonTestSuiteDocument Named(string name) => AllByName.Value[name];

    /// <summary>System.Text.Json's reading of a valid document: the independent answer to compare with.</summary>
    public JsonDocument Parsed() => JsonDocument.Parse(Bytes, new JsonDocumentOptions { MaxDepth = 1000 });

    public override string ToString() => Name;

    private static ReadOnlySpan<byte> TrimJsonWhiteSpace(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r\n"u8);

    private static IReadOnlyDictionary<string, JsonTestSuiteDocument> Load()
    {
        var documents = Directory.GetFiles(CorpusFiles.JsonTestSuiteParsing, "*.json")
            .Select(path => new JsonTestSuiteDocument(Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToDictionary(d => d.Name, StringComparer.Ordinal);
        // A checkout that lost the corpus (or git rewrote it) must fail loudly, not run zero cases.
        Assert.Equal(318, documents.Count);
        return documents;
    }
}
