using System.Text;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// Bytes as readable text for a failure message: valid UTF-8 as its characters, and as <c>\xHH</c> every byte that is
/// not part of a printable character (controls, invalid UTF-8), so the exact bytes can be rebuilt from the message.
/// </summary>
internal static class EscapedBytes
{
    /// <summary>The length, how to read the text, and the text.</summary>
    public static string Describe(ReadOnlySpan<byte> bytes) => $"{bytes.Length} bytes (UTF-8 text, \\xHH another byte, \\\\ a backslash): {Of(bytes)}";

    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 16);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var length);
            if (status != System.Buffers.OperationStatus.Done || Rune.IsControl(rune) || rune.Value == 0xFEFF)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{bytes[0]:X2}");
                bytes = bytes[1..];
                continue;
            }

            text.Append(rune.Value == '\\' ? "\\\\" : rune.ToString());
            bytes = bytes[length..];
        }

        return text.ToString();
    }
}
