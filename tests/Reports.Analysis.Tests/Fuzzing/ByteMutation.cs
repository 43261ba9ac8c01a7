using CsCheck;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>What a <see cref="ByteMutation"/> does; the first kinds are the simplest, which shrinking prefers.</summary>
internal enum MutationKind
{
    Truncate,
    DeleteBytes,
    InsertToken,
    InsertByte,
    ReplaceByte,
    FlipBit,
    DuplicateRange,
    Splice,
    InsertInString,
    ReplaceNumber,
    InsertAfterOpener,
}

/// <summary>
/// One edit of a file's bytes. Places are taken modulo what the file has (its length, its quotes, its numbers), so any
/// mutation applies to any file and a shrunk one still lands somewhere.
/// </summary>
/// <param name="Position">A byte offset, or which quote, number or opener (modulo how many there are).</param>
/// <param name="Argument">Which token, byte, bit, length or second position, by kind.</param>
internal sealed record ByteMutation(MutationKind Kind, int Position, int Argument)
{
    public static Gen<ByteMutation> Any { get; } = Gen.Select(Gen.Enum<MutationKind>(), Gen.Int[0, 1 << 16], Gen.Int[0, 255],
        (kind, position, argument) => new ByteMutation(kind, position, argument));

    /// <summary>The mutations applied one after another.</summary>
    public static byte[] ApplyAll(byte[] input, IEnumerable<ByteMutation> mutations, MutationTokens tokens) =>
        mutations.Aggregate(input, (bytes, mutation) => mutation.Apply(bytes, tokens));

    public byte[] Apply(byte[] input, MutationTokens tokens)
    {
        var at = Position % (input.Length + 1);
        return Kind switch
        {
            MutationKind.Truncate => input[..at],
            MutationKind.DeleteBytes => [.. input[..at], .. input[Math.Min(input.Length, at + (Argument % 8) + 1)..]],
            MutationKind.InsertToken => Insert(input, at, tokens.Anywhere[Argument % tokens.Anywhere.Count]),
            MutationKind.InsertByte => Insert(input, at, [(byte)Argument]),
            MutationKind.ReplaceByte => Change(input, b => (byte)Argument),
            MutationKind.FlipBit => Change(input, b => (byte)(b ^ (1 << (Argument & 7)))),
            MutationKind.DuplicateRange => Duplicate(input, at),
            MutationKind.Splice => [.. input[..at], .. input[(Argument * input.Length / 256)..]],
            MutationKind.InsertInString => InsertAfterNth(input, (byte)'"', tokens.InString[Argument % tokens.InString.Count]),
            MutationKind.ReplaceNumber => ReplaceNumber(input, tokens.Numbers[Argument % tokens.Numbers.Count]),
            MutationKind.InsertAfterOpener => InsertAfterNth(input, tokens.Opener, tokens.AfterOpener(Argument)),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }

    private static byte[] Insert(byte[] input, int at, byte[] token) => [.. input[..at], .. token, .. input[at..]];

    private byte[] Change(byte[] input, Func<byte, byte> change)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var output = (byte[])input.Clone();
        var at = Position % input.Length;
        output[at] = change(output[at]);
        return output;
    }

    private byte[] Duplicate(byte[] input, int at)
    {
        var end = Math.Min(input.Length, at + Argument + 1);
        return Insert(input, end, input[at..end]);
    }

    private byte[] InsertAfterNth(byte[] input, byte anchor, byte[] token)
    {
        var places = Places(input, (bytes, i) => bytes[i] == anchor);
        return places.Count == 0 ? input : Insert(input, places[Position % places.Count] + 1, token);
    }

    private byte[] ReplaceNumber(byte[] input, byte[] number)
    {
        var starts = Places(input, (bytes, i) => IsNumberByte(bytes[i]) && bytes[i] is not ((byte)'.' or (byte)'e' or (byte)'E' or (byte)'+')
            && (i == 0 || bytes[i - 1] is (byte)':' or (byte)',' or (byte)'[' or (byte)' ' or (byte)'\n'));
        if (starts.Count == 0)
        {
            return input;
        }

        var start = starts[Position % starts.Count];
        var end = start;
        while (end < input.Length && IsNumberByte(input[end]))
        {
            end++;
        }

        return [.. input[..start], .. number, .. input[end..]];
    }

    private static bool IsNumberByte(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E';

    private static List<int> Places(byte[] input, Func<byte[], int, bool> isPlace)
    {
        var places = new List<int>();
        for (var i = 0; i < input.Length; i++)
        {
            if (isPlace(input, i))
            {
                places.Add(i);
            }
        }

        return places;
    }
}
