using CsCheck;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>Mutated descriptions files: the CSV reader reads them or says where they are wrong, and never crashes.</summary>
[Trait("Category", "Fuzz")]
public sealed class DescriptionsFileFuzzTests
{
    private static readonly string Folder = TestData.NewTemporaryDirectory();

    /// <summary>A seed file and up to six mutations, kept as the bytes they give.</summary>
    private static readonly Gen<byte[]> Files = Gen.Select(Gen.Int[0, SeedInputs.DescriptionFiles.Count - 1], ByteMutation.Any.Array[0, 6],
        (seed, mutations) => ByteMutation.ApplyAll(SeedInputs.DescriptionFiles[seed], mutations, MutationTokens.Csv));

    [Fact]
    public void Mutated_descriptions_files_read_or_fail_with_a_located_error() =>
        FuzzRun.Check(Files, ReadsOrFailsAsDocumented, bytes => EscapedBytes.Describe(bytes), shortRunCases: 6000);

    [Fact]
    public void Every_seed_file_reads()
    {
        foreach (var file in SeedInputs.DescriptionFiles)
        {
            var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.csv");
            File.WriteAllBytes(path, file);
            Assert.NotEqual(0, ActivationAnalyzer.ReadDescriptions(path).Count);
            File.Delete(path);
        }
    }

    private static void ReadsOrFailsAsDocumented(byte[] bytes)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            ReadOutcome<object>.Of("ActivationAnalyzer.ReadDescriptions", () => ActivationAnalyzer.ReadDescriptions(path, out _));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
