using System.Runtime.CompilerServices;

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

    /// <summary>Where the cursor is, to come back to with <see cref="Rewind"/>.</summary>
    public readonly (int Position, int ScratchUsed) Checkpoint() => (Position, scratchUsed);

    /// <summary>Goes back to an earlier checkpoint, to read the same bytes another way (decoded texts after it are dropped).</summary>
    public void Rewind((int Position, int ScratchUsed) checkpoint)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(checkpoint.Position, Position);
        (Position, scratchUsed) = checkpoint;
    }

    /// <summary>Skips whitespace and tells the next byte (0 at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte Peek()
    {
        SkipWhitespace();
        return Position < json.Length ? json[Position] : (byte)0;
    }

    /// <summary>Skips whitespace and consumes <c>"name"</c> and its colon, if they come next (a name without escapes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryConsumeName(ReadOnlySpan<byte> name)
    {
        SkipWhitespace();
        var rest = json[Position..];
        if (rest.Length < name.Length + 2 || rest[0] != '"' || !rest[1..].StartsWith(name) || rest[name.Length + 1] != '"')
        {
            return false;
        }

        Position += name.Length + 2;
        return TryConsume((byte)':');
    }
}
