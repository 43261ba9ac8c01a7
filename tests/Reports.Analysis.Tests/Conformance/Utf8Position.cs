using System.Buffers;
using System.Text;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>Where the first byte that is not UTF-8 stands, counted as the readers count columns (UTF-16 code units, from 1).</summary>
internal static class Utf8Position
{
    /// <summary>The column of the first byte of the first ill-formed sequence, or null when the bytes are all UTF-8.</summary>
    public static long? ColumnOfFirstInvalidByte(ReadOnlySpan<byte> line)
    {
        long column = 1;
        while (!line.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(line, out var rune, out var length) != OperationStatus.Done)
            {
                return column;
            }

            column += rune.Utf16SequenceLength;
            line = line[length..];
        }

        return null;
    }
}
