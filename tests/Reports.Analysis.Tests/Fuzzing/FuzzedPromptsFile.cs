using CsCheck;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>A prompts file made of valid lines and then mutated, and the chunk size the parallel reader cuts it at.</summary>
internal sealed record FuzzedPromptsFile(byte[] Bytes, int ChunkSize)
{
    /// <summary>One to three seed lines, LF or CRLF, with or without a last line end, then up to six mutations.</summary>
    public static Gen<FuzzedPromptsFile> Any { get; } = Gen.Select(
        Gen.Int[0, SeedInputs.PromptLines.Count - 1].Array[1, 3], Gen.Bool, Gen.Bool, ByteMutation.Any.Array[0, 6], Gen.Int[1, 512],
        (lines, crlf, lastLineEnd, mutations, chunkSize) =>
        {
            var lineEnd = crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
            var text = lines.SelectMany((line, i) => i < lines.Length - 1 || lastLineEnd ? [.. SeedInputs.PromptLines[line], .. lineEnd] : SeedInputs.PromptLines[line]);
            return new FuzzedPromptsFile(ByteMutation.ApplyAll([.. text], mutations, MutationTokens.Json), chunkSize);
        });

    public override string ToString() => $"chunk size {ChunkSize}, {EscapedBytes.Describe(Bytes)}";

}
