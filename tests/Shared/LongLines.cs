using System.Text;
using Reports.DataGen;

namespace Reports.Tests;

/// <summary>Data sets with lines made longer on purpose, for the line-limit tests of the readers and the pipeline.</summary>
internal static class LongLines
{
    /// <summary>A small generated data set, and its prompts file's lines.</summary>
    public static DataSetFiles WriteDataSet(out string[] promptLines)
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 12, PromptsPerFeature = 4, TokensPerPrompt = 4, Seed = 5 }, TestData.NewTemporaryDirectory());
        promptLines = File.ReadAllLines(files.PromptsPath, Encoding.UTF8);
        return files;
    }

    /// <summary>The record with an unknown field last, padded to exactly <paramref name="bytes"/> bytes of UTF-8.</summary>
    public static string Padded(string line, int bytes)
    {
        var prefix = line[..^1] + ",\"padding\":\"";
        var fill = bytes - Encoding.UTF8.GetByteCount(prefix) - 2;
        Assert.True(fill > 0);
        return prefix + new string('p', fill) + "\"}";
    }

    /// <summary>The editor's column (UTF-16 code units, 1-based) of a byte offset, counted by .NET's own decoder.</summary>
    public static long ColumnOfByte(string line, int offset) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line), 0, offset).Length + 1;
}
