using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// Mutated prompts files through both readers: the parallel one (scanner, and the generated reader for declined lines)
/// and the generated one alone. Neither may throw anything but the documented exceptions, they must agree (the same
/// error at the same place, or the same aggregate), and the strongest prompts of a successful read must read back.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class PromptsFileFuzzTests
{
    private static readonly string Folder = TestData.NewTemporaryDirectory();

    [Fact]
    public void Mutated_prompts_files_give_the_same_aggregate_or_the_same_located_error_on_both_paths() =>
        FuzzRun.Check(FuzzedPromptsFile.Any, BothPathsAgree, file => file.ToString(), shortRunCases: 6000);

    [Fact]
    public void Every_seed_line_reads_on_both_paths()
    {
        foreach (var line in SeedInputs.PromptLines)
        {
            var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.jsonl");
            File.WriteAllBytes(path, line);
            Assert.Equal(1, ActivationAnalyzer.AggregatePromptsSerially(path).RecordCount);
            File.Delete(path);
            BothPathsAgree(new FuzzedPromptsFile(line, 64));
        }
    }

    internal static void BothPathsAgree(FuzzedPromptsFile file)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, file.Bytes);
        try
        {
            var parallel = ReadOutcome<ActivationAggregate>.Of("ParallelPromptReader.Aggregate",
                () => ParallelPromptReader.Aggregate(path, new AnalysisOptions { ChunkSize = file.ChunkSize }));
            var serial = ReadOutcome<ActivationAggregate>.Of("ActivationAnalyzer.AggregatePromptsSerially", () => ActivationAnalyzer.AggregatePromptsSerially(path));
            if (parallel.Value is { } read)
            {
                ReadBackEvidence(path, read);
            }

            if (parallel.ErrorPlace != serial.ErrorPlace)
            {
                throw new PropertyViolation($"The parallel reader gives {parallel.ErrorPlace} ({parallel.Error?.Message}); the generated reader gives {serial.ErrorPlace} ({serial.Error?.Message}).");
            }

            if (parallel.Value is { } fast && serial.Value is { } reference)
            {
                AggregateAssert.Same(reference, fast, path);
                Assert.Equal(reference.ReplacedSurrogates, fast.ReplacedSurrogates);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What the report does for every feature page: the records read back from their kept places.</summary>
    private static void ReadBackEvidence(string path, ActivationAggregate aggregate)
    {
        foreach (var (feature, tally) in aggregate.Features)
        {
            try
            {
                FeatureEvidenceReader.Read(path, feature, tally.Records, 5);
            }
            catch (Exception error)
            {
                throw new PropertyViolation($"FeatureEvidenceReader.Read threw {error.GetType().FullName} for feature {feature}'s records after a successful read: {error.Message}", error);
            }
        }
    }
}
