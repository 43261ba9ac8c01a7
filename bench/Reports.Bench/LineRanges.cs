using Microsoft.Win32.SafeHandles;

namespace Reports.Bench;

/// <summary>A byte range of a file, [Start, End), that starts at a line start.</summary>
public readonly record struct LineRange(long Start, long End);

/// <summary>Splits a JSONL file into byte ranges that each begin at a line start, so each can be scanned alone.</summary>
public static class LineRanges
{
    public static IReadOnlyList<LineRange> Split(SafeFileHandle file, int count)
    {
        var length = RandomAccess.GetLength(file);
        var ranges = new List<LineRange>(count);
        var start = 0L;
        for (var k = 1; k <= count; k++)
        {
            var end = k == count ? length : Math.Max(start, NextLineStart(file, length * k / count, length));
            ranges.Add(new LineRange(start, end));
            start = end;
        }

        return ranges;
    }

    /// <summary>The first line start at or after <paramref name="offset"/>.</summary>
    private static long NextLineStart(SafeFileHandle file, long offset, long length)
    {
        if (offset == 0)
        {
            return 0;
        }

        // Look from the byte before the offset: if it is a newline, the offset already starts a line.
        var buffer = new byte[1 << 16];
        for (var position = offset - 1; position < length; position += buffer.Length)
        {
            var read = RandomAccess.Read(file, buffer, position);
            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return position + newline + 1;
            }
        }

        return length;
    }
}
