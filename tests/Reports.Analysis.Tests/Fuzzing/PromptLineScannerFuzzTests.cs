using System.Text;
using CsCheck;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;
using Reports.Schema;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// Lines straight into <see cref="PromptLineScanner.TryAdd"/>, one scanner for a few lines as a chunk reuses it: it
/// declines a line having added nothing, or it takes it and the generated reader reads the same record from it.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class PromptLineScannerFuzzTests
{
    private static readonly string Folder = TestData.NewTemporaryDirectory();

    /// <summary>Pieces of JSON and of the schema's names, for lines that are JSON-like but not from a seed.</summary>
    private static readonly byte[][] JsonPieces =
    [
        .. new[]
        {
            "{", "}", "[", "]", ",", ":", " ", "\"feature_id\"", "\"token\"", "\"source\"", "\"active_prompts\"", "\"prompt_id\"",
            "\"prompt_text\"", "\"prompt_label\"", "\"prompt_feature_activation\"", "\"tokenized_prompt\"", "\"tokens\"",
            "\"activation\"", "\"x\"", "\"\\u0061\"", "\"\\uD800\"", "1", "-1.5e3", "1e999", "9223372036854775808", "null", "true",
            "\"", "\\",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF],
    ];

    private static readonly Gen<byte[]> Line = Gen.OneOf(
        Gen.Select(Gen.Int[0, SeedInputs.PromptLines.Count - 1], ByteMutation.Any.Array[0, 4],
            (seed, mutations) => ByteMutation.ApplyAll(SeedInputs.PromptLines[seed], mutations, MutationTokens.Json)),
        Gen.Int[0, JsonPieces.Length - 1].Array[0, 48].Select(pieces => pieces.SelectMany(p => JsonPieces[p]).ToArray()),
        Gen.Byte.Array[0, 48]);

    [Fact]
    public void A_line_the_scanner_takes_reads_the_same_through_the_generated_reader() =>
        FuzzRun.Check(Line.Array[1, 3], ScannerDeclinesOrAgrees,
            lines => string.Join("\n", lines.Select((line, n) => $"line {n + 1}: {EscapedBytes.Describe(line)}")), shortRunCases: 20_000);

    private static void ScannerDeclinesOrAgrees(byte[][] lines)
    {
        var scanner = new PromptLineScanner();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var fast = new ActivationAggregate();
            bool taken;
            try
            {
                // As line 1 of a file of its own, which the evidence is read back from.
                taken = scanner.TryAdd(line, 1, 0, fast);
            }
            catch (Exception error)
            {
                throw new PropertyViolation($"PromptLineScanner.TryAdd threw {error.GetType().FullName} on line {n + 1}; it declines what it does not take: {error.Message}", error);
            }

            if (!taken)
            {
                if (fast.RecordCount != 0 || fast.PromptCount != 0 || fast.Features.Count != 0)
                {
                    throw new PropertyViolation($"PromptLineScanner declined line {n + 1} but added {fast.RecordCount} record(s), {fast.PromptCount} prompt(s) to the aggregate.");
                }

                continue;
            }

            var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.jsonl");
            File.WriteAllBytes(path, line);
            try
            {
                var generated = ReadOutcome<ActivationAggregate>.Of("FeatureRecordJsonlReader", () => ReadWithGeneratedReader(line, path));
                if (generated.Value is not { } reference)
                {
                    throw new PropertyViolation($"PromptLineScanner took line {n + 1}, which the generated reader rejects: {generated.ErrorPlace}: {generated.Error?.Message}", generated.Error);
                }

                AggregateAssert.Same(reference, fast, path);
                Assert.Equal(reference.ReplacedSurrogates, fast.ReplacedSurrogates);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The line's one record as the generated reader reads it, in an aggregate of its own.</summary>
    private static ActivationAggregate ReadWithGeneratedReader(byte[] line, string path)
    {
        const long lineNumber = 1;
        var aggregate = new ActivationAggregate();
        using var reader = new FeatureRecordJsonlReader(new MemoryStream(line), path);
        if (!reader.TryRead(out var record))
        {
            throw new PropertyViolation("The generated reader found no record in a line the scanner took.");
        }

        aggregate.Add(record, new RecordLocation(lineNumber, 0, line.Length));
        aggregate.CountReplacedSurrogates(reader.ReplacedSurrogates, lineNumber, reader.FirstReplacedColumn);
        if (reader.TryRead(out _))
        {
            throw new PropertyViolation("The generated reader found a second record in a line the scanner took.");
        }

        return aggregate;
    }
}
