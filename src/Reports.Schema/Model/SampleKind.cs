namespace Reports.Schema.Model;

internal enum SampleKind
{
    Csv,
    Jsonl,
}
