namespace Reports.Schema.Runtime;

/// <summary>
/// What the readers accept at most. A line (a CSV record with its quoted line breaks) is held whole while it is read,
/// so its length bounds the reader's memory: a file that is not text, or a line that never ends, is an error once it
/// passes the limit instead of growing the buffer to the file's size.
/// </summary>
public static class ReaderLimits
{
    /// <summary>64 MiB: thousands of prompts with their tokens in one record.</summary>
    public const int DefaultMaxLineLength = 64 << 20;

    /// <summary>The largest limit that can be set: a line is read into one array.</summary>
    public const int LargestMaxLineLength = 1 << 30;

    /// <summary>How deeply JSON arrays and objects may nest (System.Text.Json's default; a record needs 5).</summary>
    public const int MaxDepth = 64;
}
