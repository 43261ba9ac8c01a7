namespace Reports.Schema.Model;

/// <summary>The type of a field, as inferred from the sample (ordered from narrowest to widest scalar).</summary>
internal enum ValueKind
{
    /// <summary>Only empty/null values were seen.</summary>
    Unknown,
    Boolean,
    Integer,
    Double,
    String,
    Object,
    Array,
}
