namespace Reports.Schema.Tests;

/// <summary>A schema sample: its file name, text and item metadata.</summary>
internal sealed record Sample(string FileName, string Text, string RecordName, string? Types = null)
{
    public string Path => "/samples/" + FileName;
}
