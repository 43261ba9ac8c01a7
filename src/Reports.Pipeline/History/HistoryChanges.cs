namespace Reports.Pipeline.History;

/// <summary>
/// What changed since the previous build (the newest kept snapshot whose data differs from this build's): each kind
/// counted in full and its first <see cref="HistoryComparer.Listed"/> listed, so a million features compare in little
/// memory. Null <see cref="Baseline"/>: nothing to compare with.
/// </summary>
internal sealed record HistoryChanges
{
    public SnapshotFile? Baseline { get; init; }

    /// <summary>The newest kept snapshot when it holds this build's data already (this build adds none).</summary>
    public SnapshotFile? SameAs { get; init; }

    /// <summary>The snapshots read, oldest first, and this build's numbers when it adds one: the trend's points.</summary>
    public IReadOnlyList<(string Name, HeadlineNumbers Numbers)> Trend { get; init; } = [];

    public long AddedCount { get; init; }

    /// <summary>In feature-id order.</summary>
    public IReadOnlyList<ListedFeature> Added { get; init; } = [];

    public long RemovedCount { get; init; }

    public IReadOnlyList<ListedFeature> Removed { get; init; } = [];

    /// <summary>Features in both whose profile moved at all.</summary>
    public long ShiftedCount { get; init; }

    /// <summary>The largest shifts first (ties by feature id).</summary>
    public IReadOnlyList<ProfileShift> Shifted { get; init; } = [];

    /// <summary>Features in both whose most specific category changed.</summary>
    public long CategoryChangedCount { get; init; }

    /// <summary>In feature-id order.</summary>
    public IReadOnlyList<ProfileShift> CategoryChanged { get; init; } = [];

    /// <summary>Features whose shift is over the FailOn rule's <c>profile-shift</c> threshold (0 without one).</summary>
    public long ShiftedOverThresholdCount { get; init; }

    public long DescriptionChangedCount { get; init; }

    /// <summary>Feature ids in id order, whose description text (or its presence) changed.</summary>
    public IReadOnlyList<long> DescriptionChanged { get; init; } = [];

    /// <summary>Per code, how many more warnings this build has than the previous one (codes with more only).</summary>
    public IReadOnlyDictionary<string, long> NewWarnings { get; init; } = new Dictionary<string, long>();

    public long NewWarningCount => NewWarnings.Values.Sum();
}
