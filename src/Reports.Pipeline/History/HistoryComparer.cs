namespace Reports.Pipeline.History;

/// <summary>
/// Compares this build's features with a snapshot's by streaming both in feature-id order (a merge), keeping counts of
/// every change and the first or largest <see cref="Listed"/> of each kind.
/// </summary>
internal static class HistoryComparer
{
    /// <summary>Changes listed per kind; the counts are of all.</summary>
    public const int Listed = 20;

    /// <param name="overThreshold">The FailOn rule's profile-shift test, whose features it holds for are counted; null for none.</param>
    /// <exception cref="SnapshotFormatException">The baseline's features cannot be read.</exception>
    public static HistoryChanges Compare(SnapshotReader baseline, SnapshotFile baselineFile, SnapshotHeader current, IEnumerable<SnapshotFeature> currentFeatures, Func<double, bool>? overThreshold)
    {
        var beforeLabels = baseline.Header.Labels;
        var afterLabels = current.Labels;
        // Categories by name: one added or dropped between builds counts as 0 on the side without it.
        var union = beforeLabels.Union(afterLabels).Order(StringComparer.Ordinal).ToArray();
        var beforeIndex = union.Select(n => IndexOf(beforeLabels, n)).ToArray();
        var afterIndex = union.Select(n => IndexOf(afterLabels, n)).ToArray();

        long addedCount = 0, removedCount = 0, shiftedCount = 0, categoryChangedCount = 0, shiftedOver = 0, descriptionChangedCount = 0;
        var added = new List<ListedFeature>();
        var removed = new List<ListedFeature>();
        var categoryChanged = new List<ProfileShift>();
        var descriptionChanged = new List<long>();
        // A min-heap of the largest shifts: its root the smallest kept (the larger id first among equal shifts).
        var largest = new PriorityQueue<ProfileShift, (double Shift, long NegatedId)>();

        using var before = baseline.Features().GetEnumerator();
        using var after = currentFeatures.GetEnumerator();
        var hasBefore = before.MoveNext();
        var hasAfter = after.MoveNext();
        while (hasBefore || hasAfter)
        {
            if (hasAfter && (!hasBefore || after.Current.Id < before.Current.Id))
            {
                addedCount++;
                if (added.Count < Listed)
                {
                    added.Add(new ListedFeature(after.Current.Id, after.Current.PromptCount, LabelOf(afterLabels, after.Current.MostSpecific)));
                }

                hasAfter = after.MoveNext();
                continue;
            }

            if (!hasAfter || before.Current.Id < after.Current.Id)
            {
                removedCount++;
                if (removed.Count < Listed)
                {
                    removed.Add(new ListedFeature(before.Current.Id, before.Current.PromptCount, LabelOf(beforeLabels, before.Current.MostSpecific)));
                }

                hasBefore = before.MoveNext();
                continue;
            }

            var (b, a) = (before.Current, after.Current);
            var shift = Shift(b, a, union, beforeIndex, afterIndex, LabelOf(beforeLabels, b.MostSpecific), LabelOf(afterLabels, a.MostSpecific));
            if (shift.Shift > 0)
            {
                shiftedCount++;
                largest.Enqueue(shift, (shift.Shift, -shift.Id));
                if (largest.Count > Listed)
                {
                    largest.Dequeue();
                }
            }

            if (overThreshold is not null && overThreshold(shift.Shift))
            {
                shiftedOver++;
            }

            if (shift.SpecificChanged)
            {
                categoryChangedCount++;
                if (categoryChanged.Count < Listed)
                {
                    categoryChanged.Add(shift);
                }
            }

            if (!string.Equals(b.DescriptionHash, a.DescriptionHash, StringComparison.Ordinal))
            {
                descriptionChangedCount++;
                if (descriptionChanged.Count < Listed)
                {
                    descriptionChanged.Add(a.Id);
                }
            }

            hasBefore = before.MoveNext();
            hasAfter = after.MoveNext();
        }

        var shifted = new List<ProfileShift>(largest.Count);
        while (largest.Count > 0)
        {
            shifted.Add(largest.Dequeue());
        }

        shifted.Reverse();
        var newWarnings = current.WarningCounts
            .Select(w => (w.Key, More: w.Value - baseline.Header.WarningCounts.GetValueOrDefault(w.Key)))
            .Where(w => w.More > 0)
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .ToDictionary(w => w.Key, w => w.More, StringComparer.Ordinal);
        return new HistoryChanges
        {
            Baseline = baselineFile,
            AddedCount = addedCount,
            Added = added,
            RemovedCount = removedCount,
            Removed = removed,
            ShiftedCount = shiftedCount,
            Shifted = shifted,
            CategoryChangedCount = categoryChangedCount,
            CategoryChanged = categoryChanged,
            ShiftedOverThresholdCount = shiftedOver,
            DescriptionChangedCount = descriptionChangedCount,
            DescriptionChanged = descriptionChanged,
            NewWarnings = newWarnings,
        };
    }

    /// <summary>The profile shift: the largest |mean after - mean before| over the categories of either side, 0 where a side has no prompt of it.</summary>
    private static ProfileShift Shift(SnapshotFeature before, SnapshotFeature after, string[] union, int[] beforeIndex, int[] afterIndex, string? specificBefore, string? specificAfter)
    {
        var best = new ProfileShift(after.Id, 0, union.Length > 0 ? union[0] : "", 0, 0, specificBefore, specificAfter);
        for (var c = 0; c < union.Length; c++)
        {
            var b = beforeIndex[c] >= 0 ? before.Means[beforeIndex[c]] ?? 0 : 0;
            var a = afterIndex[c] >= 0 ? after.Means[afterIndex[c]] ?? 0 : 0;
            var change = Math.Abs(a - b);
            if (change > best.Shift)
            {
                best = best with { Shift = change, Category = union[c], Before = b, After = a };
            }
        }

        return best;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string name)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? LabelOf(IReadOnlyList<string> labels, int index) => index >= 0 && index < labels.Count ? labels[index] : null;
}
