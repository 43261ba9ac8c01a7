namespace Reports.Schema.Model;

/// <summary>
/// Everything the emitter needs for one schema sample; equatable, so an unchanged sample is served from the
/// generator's cache. <see cref="Records"/> holds the root record first, then nested ones.
/// </summary>
internal sealed record SampleModel(
    string Path,
    SampleKind Kind,
    string Namespace,
    EquatableArray<RecordShape> Records,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public RecordShape Root => Records[0];
}
