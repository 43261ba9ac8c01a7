using System.Text;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// A three-line prompts file whose second line is the case: valid records before and after it, so an error must be
/// located at the case's own line, and a case must not swallow or disturb the next line.
/// </summary>
internal static class PromptsFile
{
    public static byte[] FirstLine { get; } = Encoding.UTF8.GetBytes(
        "{\"feature_id\":1,\"token\":\"▁stress\",\"source\":\"gemma-2-2b/12-gemmascope-res-16k\",\"active_prompts\":["
        + "{\"prompt_id\":1004,\"prompt_text\":\"What explains the drop in growth for Ελλάδα?\",\"prompt_label\":\"analysis\",\"prompt_feature_activation\":15.2361,"
        + "\"tokenized_prompt\":[\"▁What\",\"▁explai\",\"ns\",\"▁Ελλάδα\",\"?\"],\"tokens\":[{\"token\":\"▁Ελλάδα\",\"activation\":4.1985},{\"token\":\"?\",\"activation\":15.2361}]}]}");

    public static byte[] ThirdLine { get; } = Encoding.UTF8.GetBytes(
        "{\"feature_id\":3,\"token\":\"▁feel\",\"source\":\"gemma-2-2b/12-gemmascope-res-16k\",\"active_prompts\":["
        + "{\"prompt_id\":1990,\"prompt_text\":\"How do I explain a diagnosis to my family?\",\"prompt_label\":\"therapy\",\"prompt_feature_activation\":9.8113,"
        + "\"tokenized_prompt\":[\"▁How\",\"▁do\",\"▁I\",\"▁explain\"]}]}");

    /// <summary>The line number of the case.</summary>
    public const long CaseLine = 2;

    /// <summary>Writes line 1, the case, line 3 (each ended by LF) to a new file and gives its path.</summary>
    public static string Write(string name, byte[] secondLine)
    {
        var path = CaseDirectory.NewFile(name, ".jsonl");
        File.WriteAllBytes(path, [.. FirstLine, (byte)'\n', .. secondLine, (byte)'\n', .. ThirdLine, (byte)'\n']);
        return path;
    }

    /// <summary>The last line an error in the case may be located at: a case with line feeds spans several lines.</summary>
    public static long LastCaseLine(byte[] secondLine) => CaseLine + secondLine.AsSpan().Count((byte)'\n');

    /// <summary>Line <paramref name="number"/> (from 1) of a file, without its line end.</summary>
    public static byte[] LineOf(string path, long number)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        for (var line = 1L; line < number; line++)
        {
            bytes = bytes[(bytes.IndexOf((byte)'\n') + 1)..];
        }

        var end = bytes.IndexOf((byte)'\n');
        return bytes[..(end < 0 ? bytes.Length : end)].TrimEnd((byte)'\r').ToArray();
    }
}
