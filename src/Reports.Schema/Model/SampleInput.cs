namespace Reports.Schema.Model;

/// <summary>A schema sample as the pipeline first sees it: its path, text and item metadata.</summary>
internal sealed record SampleInput(string Path, string Text, string RecordName, string Namespace, string Types);
