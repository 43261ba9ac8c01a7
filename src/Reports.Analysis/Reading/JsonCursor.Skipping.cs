using System.Runtime.CompilerServices;
using Reports.Analysis.Reading.Internals;

namespace Reports.Analysis.Reading;

/// <summary>Skipping whole values, their grammar checked, without keeping anything of them.</summary>
internal ref partial struct JsonCursor
{
    /// <summary>Skips any JSON value, checking its grammar.</summary>
    /// <param name="depth">The arrays and objects open around the value, the line's own object included: a value nested
    /// as deep as the generated reader's limit is declined, so that reader says so and both paths agree.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipValue(int depth)
    {
        if (depth >= MaxDepth)
        {
            return false;
        }

        switch (Peek())
        {
            case (byte)'"':
                return TrySkipString();
            case (byte)'{':
                Position++;
                if (TryConsume((byte)'}'))
                {
                    return true;
                }

                do
                {
                    if (!TrySkipString() || !TryConsume((byte)':') || !TrySkipValue(depth + 1))
                    {
                        return false;
                    }
                }
                while (TryConsume((byte)','));

                return TryConsume((byte)'}');
            case (byte)'[':
                Position++;
                if (TryConsume((byte)']'))
                {
                    return true;
                }

                do
                {
                    if (!TrySkipValue(depth + 1))
                    {
                        return false;
                    }
                }
                while (TryConsume((byte)','));

                return TryConsume((byte)']');
            case (byte)'t':
                return TrySkipLiteral("true"u8);
            case (byte)'f':
                return TrySkipLiteral("false"u8);
            case (byte)'n':
                return TrySkipLiteral("null"u8);
            default:
                return TrySkipNumber(out _);
        }
    }

    /// <summary>Skips an array whose items must all be strings (the shape of <c>tokenized_prompt</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipStringArray()
    {
        if (!TryConsume((byte)'['))
        {
            return false;
        }

        if (TryConsume((byte)']'))
        {
            return true;
        }

        var listEnd = StringListSkip.End(json, Position);
        if (listEnd >= 0)
        {
            Position = listEnd;
            return true;
        }

        do
        {
            if (!TrySkipString())
            {
                return false;
            }
        }
        while (TryConsume((byte)','));

        return TryConsume((byte)']');
    }

    private bool TrySkipLiteral(ReadOnlySpan<byte> literal)
    {
        if (!json[Position..].StartsWith(literal))
        {
            return false;
        }

        Position += literal.Length;
        return true;
    }
}
