using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Reports.Analysis.Reading;

/// <summary>
/// Gives each distinct UTF-8 text (a label, a token) a small dense id and one string, looked up by its bytes: the
/// fast reader meets the same few thousand token texts millions of times and should neither decode nor allocate them
/// again. Open addressing over a power-of-two table, hashed with CRC-32C (one instruction per eight bytes).
/// </summary>
internal sealed class Utf8Interner
{
    private byte[] bytes = new byte[1 << 12];
    private int bytesUsed;
    private (int Start, int Length)[] spans = new (int, int)[256];
    private string[] strings = new string[256];
    private int[] slots = new int[512]; // id + 1; 0 is empty
    private uint[] hashes = new uint[512];

    public int Count { get; private set; }

    /// <summary>The string of an id.</summary>
    public string this[int id] => strings[id];

    /// <summary>The id of <paramref name="text"/>, given a new one the first time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<byte> text)
    {
        var hash = Hash(text);
        var mask = slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return Add(text, hash, slot);
            }

            if (hashes[slot] == hash)
            {
                var (start, length) = spans[entry - 1];
                if (bytes.AsSpan(start, length).SequenceEqual(text))
                {
                    return entry - 1;
                }
            }
        }
    }

    private int Add(ReadOnlySpan<byte> text, uint hash, int slot)
    {
        var id = Count++;
        if (id == strings.Length)
        {
            Array.Resize(ref strings, id * 2);
            Array.Resize(ref spans, id * 2);
        }

        if (bytesUsed + text.Length > bytes.Length)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, bytesUsed + text.Length));
        }

        text.CopyTo(bytes.AsSpan(bytesUsed));
        spans[id] = (bytesUsed, text.Length);
        bytesUsed += text.Length;
        strings[id] = Encoding.UTF8.GetString(text);
        slots[slot] = id + 1;
        hashes[slot] = hash;
        if (Count * 2 > slots.Length)
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var oldSlots = slots;
        var oldHashes = hashes;
        slots = new int[oldSlots.Length * 2];
        hashes = new uint[oldSlots.Length * 2];
        var mask = slots.Length - 1;
        for (var i = 0; i < oldSlots.Length; i++)
        {
            if (oldSlots[i] == 0)
            {
                continue;
            }

            var slot = (int)oldHashes[i] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = oldSlots[i];
            hashes[slot] = oldHashes[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> text)
    {
        var hash = (uint)text.Length;
        ref var start = ref MemoryMarshal.GetReference(text);
        var at = 0;
        for (; at + 8 <= text.Length; at += 8)
        {
            hash = BitOperations.Crc32C(hash, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, at)));
        }

        for (; at < text.Length; at++)
        {
            hash = BitOperations.Crc32C(hash, Unsafe.Add(ref start, at));
        }

        // The table is indexed by the low bits: fold the high ones in.
        hash *= 0x9E3779B1u;
        return hash ^ (hash >> 16);
    }
}
