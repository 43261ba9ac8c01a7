using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace Reports.Analysis.Reading;

/// <summary>
/// Tells whether a line is valid UTF-8 with no control character (below U+0020), in one pass of 32 bytes at a time:
/// the fast reader's precondition for every line. It is the lookup algorithm of Keiser and Lemire ("Validating UTF-8
/// in less than one instruction per byte", 2021; simdjson, simdutf): three 16-entry tables indexed by the nibbles of
/// each byte and of the byte before it flag every malformed pair, and the bytes two and three back say where a
/// continuation byte must be. The runtime's own validator slows down on text that is not mostly ASCII, and every
/// token here begins with "▁" (three bytes).
/// </summary>
internal static class Utf8Check
{
    // Error classes of a (previous byte, byte) pair; a pair is malformed when all three tables agree on a class.
    private const byte TooShort = 1 << 0;      // a lead byte not followed by a continuation
    private const byte TooLong = 1 << 1;       // an ASCII byte followed by a continuation
    private const byte Overlong3 = 1 << 2;     // E0 followed by 80..9F
    private const byte TooLarge = 1 << 3;      // F4 followed by 90..BF, or F5..FF
    private const byte Surrogate = 1 << 4;     // ED followed by A0..BF
    private const byte Overlong2 = 1 << 5;     // C0 or C1
    private const byte TooLarge1000 = 1 << 6;  // F5..FF followed by 80..8F
    private const byte Overlong4 = 1 << 6;     // F0 followed by 80..8F
    private const byte TwoContinuations = 1 << 7;
    private const byte Carry = TooShort | TooLong | TwoContinuations;

    /// <summary>True when <paramref name="text"/> is valid UTF-8 and has no byte below 0x20.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsValidWithoutControls(ReadOnlySpan<byte> text)
    {
        if (!Avx2.IsSupported || text.Length < 2 * Vector256<byte>.Count)
        {
            return text.IndexOfAnyInRange((byte)0, (byte)0x1F) < 0 && Utf8.IsValid(text);
        }

        var firstHigh = Table(
            TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong, TooLong,
            TwoContinuations, TwoContinuations, TwoContinuations, TwoContinuations,
            TooShort | Overlong2, TooShort, TooShort | Overlong3 | Surrogate, TooShort | TooLarge | TooLarge1000 | Overlong4);
        var firstLow = Table(
            Carry | Overlong3 | Overlong2 | Overlong4, Carry | Overlong2, Carry, Carry,
            Carry | TooLarge, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000,
            Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000 | Surrogate, Carry | TooLarge | TooLarge1000, Carry | TooLarge | TooLarge1000);
        var secondHigh = Table(
            TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort, TooShort,
            TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge1000 | Overlong4,
            TooLong | Overlong2 | TwoContinuations | Overlong3 | TooLarge,
            TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
            TooLong | Overlong2 | TwoContinuations | Surrogate | TooLarge,
            TooShort, TooShort, TooShort, TooShort);

        ref var start = ref MemoryMarshal.GetReference(text);
        var error = Vector256<byte>.Zero;

        // The first block has no three bytes before it: checked in a copy that puts spaces (ASCII) there.
        Span<byte> head = stackalloc byte[2 * Vector256<byte>.Count];
        head[..Vector256<byte>.Count].Fill((byte)' ');
        text[..Vector256<byte>.Count].CopyTo(head[Vector256<byte>.Count..]);
        error |= Block(ref MemoryMarshal.GetReference(head), Vector256<byte>.Count, firstHigh, firstLow, secondHigh);

        // Then every block reads the bytes before it straight from the line (unaligned loads); the last block ends at
        // the line's end and may overlap the one before it, which checks some pairs twice and changes nothing.
        var last = text.Length - Vector256<byte>.Count;
        for (var at = Vector256<byte>.Count; ; at = Math.Min(at + Vector256<byte>.Count, last))
        {
            error |= Block(ref start, at, firstHigh, firstLow, secondHigh);
            if (at == last)
            {
                break;
            }
        }

        // A sequence cut off by the end of the line.
        return error == Vector256<byte>.Zero && text[^1] < 0xC0 && text[^2] < 0xE0 && text[^3] < 0xF0;
    }

    /// <summary>The error bits of the 32 bytes at <paramref name="at"/>, which has three readable bytes before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Block(ref byte start, int at, Vector256<byte> firstHigh, Vector256<byte> firstLow, Vector256<byte> secondHigh)
    {
        var input = Vector256.LoadUnsafe(ref start, (nuint)at);
        var controls = Vector256.LessThan(input, Vector256.Create((byte)0x20));
        var prev3 = Vector256.LoadUnsafe(ref start, (nuint)(at - 3));
        if (((input | prev3) & Vector256.Create((byte)0x80)) == Vector256<byte>.Zero)
        {
            return controls; // ASCII, and no sequence open from before
        }

        var prev1 = Vector256.LoadUnsafe(ref start, (nuint)(at - 1));
        var prev2 = Vector256.LoadUnsafe(ref start, (nuint)(at - 2));
        var lowNibble = Vector256.Create((byte)0x0F);
        var special = Avx2.Shuffle(firstHigh, HighNibble(prev1))
            & Avx2.Shuffle(firstLow, prev1 & lowNibble)
            & Avx2.Shuffle(secondHigh, HighNibble(input));

        // Two bytes after E0..FF and three after F0..FF must be continuations (the tables cannot see that far).
        var mustContinue = (Vector256.GreaterThanOrEqual(prev2, Vector256.Create((byte)0xE0)) | Vector256.GreaterThanOrEqual(prev3, Vector256.Create((byte)0xF0)))
            & Vector256.Create((byte)0x80);
        return controls | (special ^ mustContinue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> HighNibble(Vector256<byte> bytes) =>
        Vector256.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F);

    /// <summary>A 16-entry table in both 128-bit lanes, as the in-lane byte shuffle reads it.</summary>
    private static Vector256<byte> Table(
        byte e0, byte e1, byte e2, byte e3, byte e4, byte e5, byte e6, byte e7,
        byte e8, byte e9, byte e10, byte e11, byte e12, byte e13, byte e14, byte e15)
    {
        var lane = Vector128.Create(e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15);
        return Vector256.Create(lane, lane);
    }
}
