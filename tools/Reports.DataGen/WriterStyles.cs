namespace Reports.DataGen;

/// <summary>The names of the writer styles on command lines and in the bench's tables.</summary>
public static class WriterStyles
{
    public static IReadOnlyList<WriterStyle> All { get; } = Enum.GetValues<WriterStyle>();

    public static string Name(WriterStyle style) => style switch
    {
        WriterStyle.Compact => "compact",
        WriterStyle.JsonDumps => "json-dumps",
        WriterStyle.JsonDumpsUnicode => "json-dumps-unicode",
        WriterStyle.PandasRecords => "pandas",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    /// <summary>What wrote it, as a Python line: for tables and docs.</summary>
    public static string Writer(WriterStyle style) => style switch
    {
        WriterStyle.Compact => "json.dumps(r, separators=(\",\", \":\"), ensure_ascii=False)",
        WriterStyle.JsonDumps => "json.dumps(r)",
        WriterStyle.JsonDumpsUnicode => "json.dumps(r, ensure_ascii=False)",
        WriterStyle.PandasRecords => "df.to_json(orient=\"records\", lines=True)",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    public static WriterStyle Parse(string name) =>
        All.FirstOrDefault(s => Name(s) == name, (WriterStyle)(-1)) is var style && style >= 0
            ? style
            : throw new ArgumentException($"--style is one of {string.Join(", ", All.Select(Name))}, not '{name}'");
}
