using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reports.Analysis.Reading;

/// <summary>
/// A forward-only, validating JSON cursor over one line, for the fast prompts reader. It reads the few values the
/// aggregation needs and skips the rest at the speed of a vectorised search for the next quote, while still checking
/// the grammar of everything it skips (strings, escapes, numbers, literals, nesting). It never reports errors: any
/// surprise returns false and the caller hands the line to the generated reader, which locates and words the error.
/// The caller rejects lines with control characters first, so a string ends at the first quote that is not escaped.
/// Hot methods skip tiered compilation: a report run is short, and quick tier-0 code would run much of the scan.
/// </summary>
/// <remarks>
/// One concern a file: tokens, names and the position here; strings and escapes in <c>JsonCursor.Strings.cs</c>, numbers in
/// <c>JsonCursor.Numbers.cs</c>, skipping whole values in <c>JsonCursor.Skipping.cs</c>, and the 64-byte strategies
/// they hand runs of strings to in <c>Internals/</c>.
/// </remarks>
/// <param name="json">One line.</param>
/// <param name="scratch">
/// Where <see cref="TryReadString"/> decodes strings with escapes: at least as long as the line, since no escape
/// decodes to more bytes than it is written with.
/// </param>
internal ref partial struct JsonCursor(ReadOnlySpan<byte> json, Span<byte> scratch)
{
    /// <summary>The generated reader's limit (<see cref="Reports.Schema.ReaderLimits.MaxDepth"/>), counted from the line's root.</summary>
    private const int MaxDepth = Reports.Schema.ReaderLimits.MaxDepth;

    private readonly ReadOnlySpan<byte> json = json;
    private readonly Span<byte> scratch = scratch;
    private int scratchUsed;

    public JsonCursor(ReadOnlySpan<byte> json)
        : this(json, default)
    {
    }

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= json.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipWhitespace()
    {
        // Compact JSON has no whitespace between tokens: one comparison settles the common case.
        if (Position < json.Length && json[Position] > ' ')
        {
            return;
        }

        SkipWhitespaceSlowly();
    }

    private void SkipWhitespaceSlowly()
    {
        while (Position < json.Length && json[Position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            Position++;
        }
    }

    /// <summary>Skips whitespace and consumes <paramref name="token"/> if it comes next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryConsume(byte token)
    {
        SkipWhitespace();
        if (Position < json.Length && json[Position] == token)
        {
            Position++;
            return true;
        }

        return false;
    }

    /// <summary>Skips whitespace and tells the next byte (0 at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte Peek()
    {
        SkipWhitespace();
        return Position < json.Length ? json[Position] : (byte)0;
    }

    /// <summary>
    /// Skips whitespace and consumes <c>"name"</c> and its colon, if they come next (a name without escapes); else
    /// consumes nothing more, so that the caller can read the name that is there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryConsumeName(ReadOnlySpan<byte> name)
    {
        SkipWhitespace();
        var rest = json[Position..];
        if (rest.Length < name.Length + 2 || rest[0] != '"' || rest[name.Length + 1] != '"' || !ShortEquals(rest.Slice(1, name.Length), name))
        {
            return false;
        }

        var start = Position;
        Position += name.Length + 2;
        if (TryConsume((byte)':'))
        {
            return true;
        }

        Position = start;
        return false;
    }

    /// <summary>
    /// Whether two spans of the same length are equal: for the few bytes of a field name, two overlapping loads a
    /// side, where SequenceEqual would be a call for a length the JIT does not know.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ShortEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var length = (nuint)b.Length;
        if (length >= 8 && length <= 16)
        {
            return Unsafe.ReadUnaligned<ulong>(ref x) == Unsafe.ReadUnaligned<ulong>(ref y)
                && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref x, length - 8)) == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref y, length - 8));
        }

        if (length >= 4 && length < 8)
        {
            return Unsafe.ReadUnaligned<uint>(ref x) == Unsafe.ReadUnaligned<uint>(ref y)
                && Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref x, length - 4)) == Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref y, length - 4));
        }

        return a.SequenceEqual(b);
    }
}
