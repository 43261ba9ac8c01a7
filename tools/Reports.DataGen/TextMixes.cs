namespace Reports.DataGen;

/// <summary>The names of the text mixes on command lines and in the bench's tables.</summary>
public static class TextMixes
{
    public static IReadOnlyList<TextMix> All { get; } = Enum.GetValues<TextMix>();

    public static string Name(TextMix text) => text switch
    {
        TextMix.Latin => "latin",
        TextMix.Multilingual => "multilingual",
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, null),
    };

    public static TextMix Parse(string name) =>
        All.FirstOrDefault(t => Name(t) == name, (TextMix)(-1)) is var text && text >= 0
            ? text
            : throw new ArgumentException($"--text is one of {string.Join(", ", All.Select(Name))}, not '{name}'");
}
