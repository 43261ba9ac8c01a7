namespace Reports.DataGen;

/// <summary>
/// How the prompts JSONL is written: the bytes of the writers researchers use, reproduced exactly, so the reader and
/// the bench meet what Python writes and not only what this generator would write on its own.
/// </summary>
public enum WriterStyle
{
    /// <summary><c>json.dumps(record, separators=(",", ":"), ensure_ascii=False)</c>: no spaces, text as UTF-8 (as orjson writes it).</summary>
    Compact,

    /// <summary><c>json.dumps(record)</c>: Python's defaults, <c>", "</c> and <c>": "</c> separators and every non-ASCII character as <c>\uXXXX</c>.</summary>
    JsonDumps,

    /// <summary><c>json.dumps(record, ensure_ascii=False)</c>: Python's separators, text as UTF-8.</summary>
    JsonDumpsUnicode,

    /// <summary>
    /// pandas 1.5's <c>DataFrame.to_json(orient="records", lines=True)</c>: compact, non-ASCII as <c>\uXXXX</c>,
    /// <c>/</c> as <c>\/</c>, floats with at most 10 decimals (its <c>double_precision</c>).
    /// </summary>
    PandasRecords,
}
