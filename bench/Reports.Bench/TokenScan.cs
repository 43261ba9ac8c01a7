using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Reports.Bench;

/// <summary>
/// The parser floor: every JSON token of every line read by <see cref="Utf8JsonReader"/>, nothing decoded or kept.
/// The count is returned (and printed) so the JIT cannot drop the loop.
/// </summary>
public static class TokenScan
{
    public static long CountTokens(SafeFileHandle file, LineRange range)
    {
        var buffer = new byte[1 << 20];
        var filled = 0;
        var position = range.Start;
        var tokens = 0L;
        while (true)
        {
            var wanted = (int)Math.Min(buffer.Length - filled, range.End - position);
            var read = wanted > 0 ? RandomAccess.Read(file, buffer.AsSpan(filled, wanted), position) : 0;
            position += read;
            filled += read;

            var consumed = 0;
            int newline;
            while ((newline = buffer.AsSpan(consumed, filled - consumed).IndexOf((byte)'\n')) >= 0)
            {
                tokens += CountLine(buffer.AsSpan(consumed, newline));
                consumed += newline + 1;
            }

            if (read == 0)
            {
                // The range's last line may lack its newline.
                return tokens + CountLine(buffer.AsSpan(consumed, filled - consumed));
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length)
            {
                // A line longer than the buffer: grow until it fits.
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private static long CountLine(ReadOnlySpan<byte> line)
    {
        // Utf8JsonReader rejects input without a token, so blank lines (and a lone CR) count as nothing.
        if (line.Trim(" \t\r"u8).IsEmpty)
        {
            return 0;
        }

        var reader = new Utf8JsonReader(line);
        var tokens = 0L;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
