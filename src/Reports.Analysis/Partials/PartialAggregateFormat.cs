namespace Reports.Analysis.Partials;

/// <summary>
/// The partial-aggregate file (docs/partial-aggregates.md): gzip-compressed JSON Lines, so a reader in any language
/// opens it with its gzip and JSON libraries. A header line, then per input file a section line followed by one line
/// per feature (its statistics, exactly: the state of each cell, not only its mean), then the evidence lines (per
/// record its strongest prompts and activations), then an end line that says the file is whole.
/// </summary>
public static class PartialAggregateFormat
{
    /// <summary>The header's <c>format</c>.</summary>
    public const string Name = "reports-partial-aggregate";

    /// <summary>The version this build writes and reads; a file of another is refused, never misread.</summary>
    public const int Version = 1;

    /// <summary>The file name extension <c>reports aggregate</c> suggests.</summary>
    public const string Extension = ".partial.jsonl.gz";
}
