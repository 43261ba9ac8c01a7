namespace Reports.Rendering.Typography.Bidi;

/// <summary>
/// The working arrays of one resolution, kept per thread and grown as needed: lines are resolved one after another,
/// and reusing the arrays keeps a line's cost to the levels array the caller gets back.
/// </summary>
internal sealed class BidiWorkspace
{
    [ThreadStatic]
    private static BidiWorkspace? current;

    /// <summary>How many code points the loaded text has.</summary>
    public int Count { get; private set; }

    /// <summary>The text's code points; an unpaired surrogate stands for itself.</summary>
    public int[] CodePoints { get; private set; } = [];

    /// <summary>Each code point's Bidi_Class, as the character database gives it.</summary>
    public BidiClass[] Classes { get; private set; } = [];

    /// <summary>Each code point's type as the rules change it.</summary>
    public BidiClass[] Types { get; private set; } = [];

    /// <summary>Each code point's embedding level.</summary>
    public byte[] Levels { get; private set; } = [];

    /// <summary>For an isolate initiator the index of its matching PDI, for a PDI that of its initiator, else -1.</summary>
    public int[] IsolatePartners { get; private set; } = [];

    /// <summary>Scratch: the open isolate initiators while matching them to PDIs.</summary>
    public int[] OpenIsolates { get; private set; } = [];

    /// <summary>Scratch: the first character of each level run.</summary>
    public int[] RunFirsts { get; private set; } = [];

    /// <summary>Scratch: the last character of each level run.</summary>
    public int[] RunLasts { get; private set; } = [];

    /// <summary>Scratch: the level run each character belongs to.</summary>
    public int[] RunOf { get; private set; } = [];

    /// <summary>Scratch: the characters of the isolating run sequence being resolved.</summary>
    public int[] SequenceIndices { get; private set; } = [];

    /// <summary>Scratch: their types, contiguous so that the W and N rules can look at neighbours directly.</summary>
    public BidiClass[] SequenceTypes { get; private set; } = [];

    /// <summary>Scratch: the sequence's bracket pairs, opening position in the high half and closing in the low.</summary>
    public long[] BracketPairs { get; private set; } = [];

    /// <summary>This thread's workspace holding the code points and classes of <paramref name="text"/>.</summary>
    public static BidiWorkspace Load(ReadOnlySpan<char> text)
    {
        var workspace = current ??= new BidiWorkspace();
        workspace.EnsureCapacity(text.Length);
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            workspace.CodePoints[count] = codePoint;
            workspace.Classes[count] = BidiClassTable.Of(codePoint);
            count++;
        }
        workspace.Count = count;
        return workspace;
    }

    /// <summary>The paragraph of <paramref name="length"/> code points from <paramref name="start"/>, at the given level.</summary>
    public BidiParagraph Paragraph(int start, int length, byte level) => new()
    {
        CodePoints = CodePoints.AsSpan(start, length),
        Classes = Classes.AsSpan(start, length),
        Types = Types.AsSpan(start, length),
        Levels = Levels.AsSpan(start, length),
        IsolatePartners = IsolatePartners.AsSpan(start, length),
        Level = level,
    };

    private void EnsureCapacity(int length)
    {
        if (CodePoints.Length >= length)
        {
            return;
        }
        var capacity = Math.Max(length, CodePoints.Length * 2);
        CodePoints = new int[capacity];
        Classes = new BidiClass[capacity];
        Types = new BidiClass[capacity];
        Levels = new byte[capacity];
        IsolatePartners = new int[capacity];
        OpenIsolates = new int[capacity];
        RunFirsts = new int[capacity];
        RunLasts = new int[capacity];
        RunOf = new int[capacity];
        SequenceIndices = new int[capacity];
        SequenceTypes = new BidiClass[capacity];
        BracketPairs = new long[capacity / 2 + 1];
    }
}
