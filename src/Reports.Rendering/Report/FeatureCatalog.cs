namespace Reports.Rendering.Report;

/// <summary>
/// Every feature of either input, column by column, for the HTML's browsable table: one array per column, and one per
/// feature x category (feature-major: feature <c>f</c>, category <c>l</c> at <c>f * Labels.Count + l</c>), never an
/// object per cell, so a million-feature SAE is a few dozen arrays. Texts are as the tables show them; a number the
/// feature lacks is NaN.
/// </summary>
/// <remarks>
/// The text columns are sequences, not arrays: at a million features they are hundreds of megabytes, so they may be
/// produced while they are written (a pass over the file they come from), and are enumerated once each time the page
/// needs them, in <see cref="Ids"/> order.
/// </remarks>
public sealed class FeatureCatalog
{
    /// <summary>The prompt categories, in the report's order (the heatmap's rows).</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Feature ids, ascending; every other column is aligned with it.</summary>
    public required IReadOnlyList<long> Ids { get; init; }

    /// <summary>Whether the descriptions file has a row for the feature (its numbers are "—" without one).</summary>
    public required IReadOnlyList<bool> Described { get; init; }

    /// <summary><c>claude_type</c> as the tables show it: "Unknown" when empty, "—" without a row.</summary>
    public required IEnumerable<string> Types { get; init; }

    /// <summary><c>claude_desc</c> as the tables show it, in full.</summary>
    public required IEnumerable<string> Descriptions { get; init; }

    /// <summary>The descriptions file's <c>type</c>; null without a row.</summary>
    public required IEnumerable<string?> SourceTypes { get; init; }

    /// <summary>The descriptions file's <c>token</c>, shown as what it stands for ('▁' a space); null without a row.</summary>
    public required IEnumerable<string?> Tokens { get; init; }

    /// <summary>The descriptions file's <c>link</c>; null without a row.</summary>
    public required IEnumerable<string?> Links { get; init; }

    /// <summary>The description row's statistics (NaN where missing, pandas' infinities as themselves).</summary>
    public required IReadOnlyList<double> GeneralMeans { get; init; }

    public required IReadOnlyList<double> GeneralMaxima { get; init; }

    public required IReadOnlyList<double> GeneralMinima { get; init; }

    public required IReadOnlyList<double> PersonalMeans { get; init; }

    /// <summary>The descriptions file's <c>personal_cohens_d</c>, not one this report computed.</summary>
    public required IReadOnlyList<double> PersonalCohensD { get; init; }

    /// <summary>The descriptions file's <c>num_prompts</c>; null where missing or without a row.</summary>
    public required IReadOnlyList<long?> StatedPromptCounts { get; init; }

    /// <summary>Active prompts in the prompts file.</summary>
    public required IReadOnlyList<long> PromptCounts { get; init; }

    /// <summary>Index into <see cref="Labels"/> of the category the feature is most specific to; -1 without prompts.</summary>
    public required IReadOnlyList<int> MostSpecificLabels { get; init; }

    /// <summary>That category's Cohen's d against the feature's other prompts; NaN where undefined.</summary>
    public required IReadOnlyList<double> MostSpecificCohensD { get; init; }

    /// <summary>Per feature x category: the mean activation (the heatmap's value); NaN without prompts of the category.</summary>
    public required IReadOnlyList<double> MeansByLabel { get; init; }

    /// <summary>Per feature x category: the number of prompts.</summary>
    public required IReadOnlyList<long> CountsByLabel { get; init; }

    /// <summary>Per feature x category: Cohen's d against the feature's other prompts; NaN where undefined.</summary>
    public required IReadOnlyList<double> CohensDByLabel { get; init; }

    /// <summary>Whether the feature has a section of its own (anchor <c>feature-&lt;id&gt;</c>).</summary>
    public required IReadOnlyList<bool> HasSection { get; init; }

    internal int Count => Ids.Count;
}
