using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Reports.Analysis.Reading.Internals;

/// <summary>
/// 64 bytes of a line as bit masks, bit i for byte i, the way simdjson classifies a block: where a byte value is, which
/// bytes an escape covers, which escapes JSON does not allow, which bytes are inside strings. The carries (an escape or
/// a <c>\uXXXX</c> running over the block's end) are the caller's, block to block.
/// </summary>
internal static class JsonBlock
{
    public const int Size = 64;

    private const ulong OddBits = 0xAAAA_AAAA_AAAA_AAAAul;

    /// <summary>The 64 bytes at <paramref name="at"/>; past the line's end, zeros (never JSON, so nothing valid runs into them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load(ReadOnlySpan<byte> json, int at, Span<byte> tail, out Vector256<byte> low, out Vector256<byte> high)
    {
        if (at + Size <= json.Length)
        {
            ref var start = ref MemoryMarshal.GetReference(json);
            low = Vector256.LoadUnsafe(ref start, (nuint)at);
            high = Vector256.LoadUnsafe(ref start, (nuint)(at + Vector256<byte>.Count));
            return;
        }

        tail.Clear();
        json[at..].CopyTo(tail);
        low = Vector256.Create<byte>(tail);
        high = Vector256.Create<byte>(tail[Vector256<byte>.Count..]);
    }

    /// <summary>Bit i set where byte i is <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mask(Vector256<byte> low, Vector256<byte> high, byte value) =>
        Vector256.Equals(low, Vector256.Create(value)).ExtractMostSignificantBits()
        | ((ulong)Vector256.Equals(high, Vector256.Create(value)).ExtractMostSignificantBits() << 32);

    /// <summary>
    /// simdjson's escape scanner: the bytes escaped by a backslash that is not itself escaped. <paramref name="nextIsEscaped"/>
    /// carries an escaping backslash at the block's last byte into the next block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Escaped(ulong backslashes, ref ulong nextIsEscaped)
    {
        if ((backslashes | nextIsEscaped) == 0)
        {
            return 0;
        }

        var potential = backslashes & ~nextIsEscaped;
        var maybeEscaped = potential << 1;
        var codes = ((maybeEscaped | OddBits) - potential) ^ OddBits;
        var escaped = codes ^ (backslashes | nextIsEscaped);
        nextIsEscaped = (codes & backslashes) >> 63;
        return escaped;
    }

    /// <summary>
    /// The bytes that make an escape invalid: an escaped byte other than <c>"\/bfnrtu</c>, or a byte of the four after a
    /// <c>u</c> that is not a hex digit. <paramref name="hexCarry"/> takes the hex digits still due into the next block.
    /// Which code points the escapes give (lone surrogates) is not checked: skipping a string does not decode it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong BadEscapes(Vector256<byte> low, Vector256<byte> high, ulong escaped, ref ulong hexCarry)
    {
        if ((escaped | hexCarry) == 0)
        {
            return 0;
        }

        var u = Mask(low, high, (byte)'u');
        var simple = Mask(low, high, (byte)'"') | Mask(low, high, (byte)'\\') | Mask(low, high, (byte)'/')
            | Mask(low, high, (byte)'b') | Mask(low, high, (byte)'f') | Mask(low, high, (byte)'n')
            | Mask(low, high, (byte)'r') | Mask(low, high, (byte)'t');
        var unicode = escaped & u;
        var hexDue = (unicode << 1) | (unicode << 2) | (unicode << 3) | (unicode << 4) | hexCarry;
        hexCarry = (unicode >> 63) | (unicode >> 62) | (unicode >> 61) | (unicode >> 60);
        return (escaped & ~(simple | u)) | (hexDue & ~HexDigits(low, high));
    }

    /// <summary>
    /// The first hex digit of each <c>\uD...</c> escape (a surrogate, or D000-D7FF): the few escapes whose pairing the caller
    /// checks. <paramref name="carry"/> takes an escaped <c>u</c> at the block's last byte into the next block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SurrogateEscapes(Vector256<byte> low, Vector256<byte> high, ulong escaped, ref ulong carry)
    {
        if ((escaped | carry) == 0)
        {
            return 0;
        }

        var unicode = escaped & Mask(low, high, (byte)'u');
        var digits = Mask(low, high, (byte)'d') | Mask(low, high, (byte)'D');
        var result = ((unicode << 1) | carry) & digits;
        carry = unicode >> 63;
        return result;
    }

    /// <summary>Bit i set where byte i is <c>[0-9A-Fa-f]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HexDigits(Vector256<byte> low, Vector256<byte> high)
    {
        static uint Half(Vector256<byte> v)
        {
            var digit = Vector256.LessThanOrEqual(v - Vector256.Create((byte)'0'), Vector256.Create((byte)9));
            var letter = Vector256.LessThanOrEqual((v | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)5));
            return (digit | letter).ExtractMostSignificantBits();
        }

        return Half(low) | ((ulong)Half(high) << 32);
    }

    /// <summary>
    /// Bit i set where an odd number of the <paramref name="quotes"/> are at or before byte i: an opening quote or a
    /// string's content. <paramref name="inString"/> says the block starts inside a string, and takes the answer for the next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Inside(ulong quotes, ref bool inString)
    {
        var inside = quotes;
        inside ^= inside << 1;
        inside ^= inside << 2;
        inside ^= inside << 4;
        inside ^= inside << 8;
        inside ^= inside << 16;
        inside ^= inside << 32;
        if (inString)
        {
            inside = ~inside;
        }

        inString = (inside >> 63) != 0;
        return inside;
    }

    /// <summary>
    /// For each set bit of <paramref name="marks"/>, the first byte after it that is not a space, with <paramref name="carry"/>
    /// bringing a mark's run of spaces in from the block before and taking one out to the block after.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong NextNonSpace(ulong marks, ulong spaces, ref ulong carry)
    {
        var next = (marks << 1) | carry;
        var sum = spaces + next;
        var overflow = sum < spaces ? 1ul : 0ul;
        carry = overflow | (marks >> 63);
        return sum & ~spaces;
    }
}
