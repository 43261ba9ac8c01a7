namespace Reports.Analysis.Evidence;

/// <summary>
/// The token texts of one aggregate, each once, numbered in the order they came: a feature's top tokens name theirs by
/// number (four bytes, not an eight-byte reference), which a million features' twenty tokens each make worth it.
/// </summary>
internal sealed class TokenTable
{
    private readonly List<string> texts = [];
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

    public int Count => texts.Count;

    public string this[int id] => texts[id];

    /// <summary>For each number of <paramref name="other"/>, the number of the same text here (interned as needed).</summary>
    public int[] Translation(TokenTable other)
    {
        var map = new int[other.Count];
        for (var id = 0; id < map.Length; id++)
        {
            map[id] = Intern(other[id]);
        }

        return map;
    }

    public int Intern(string text)
    {
        if (!ids.TryGetValue(text, out var id))
        {
            id = texts.Count;
            texts.Add(text);
            ids.Add(text, id);
        }

        return id;
    }
}
