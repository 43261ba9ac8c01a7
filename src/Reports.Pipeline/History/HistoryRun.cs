using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Diagnostics;
using Reports.Analysis.Evidence;
using Reports.Pipeline.Diagnostics;

namespace Reports.Pipeline.History;

/// <summary>
/// A build's part in the history (docs/history.md): before the outputs, its snapshot is written to a temporary file of
/// the history directory and compared with the previous build's; once the outputs are in place, the snapshot is renamed
/// into the history (unless the newest already holds the same data) and the oldest pruned to HistoryMax. Nothing here
/// fails a build: what cannot be read or written is a warning.
/// </summary>
internal sealed class HistoryRun
{
    private readonly HistoryStore store;
    private readonly string pendingPath;
    private readonly SnapshotHeader pendingHeader;

    private HistoryRun(HistoryStore store, string pendingPath, SnapshotHeader pendingHeader, HistoryChanges changes)
    {
        this.store = store;
        this.pendingPath = pendingPath;
        this.pendingHeader = pendingHeader;
        Changes = changes;
    }

    public HistoryChanges Changes { get; }

    /// <summary>The tool's version a snapshot records: the assembly's informational version without the source revision.</summary>
    public static string ToolVersion { get; } = (typeof(HistoryRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>Writes this build's snapshot aside and compares it with the previous build's; null when the history directory cannot be used (said as a warning).</summary>
    public static HistoryRun? Prepare(ReportRequest request, ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity, IReadOnlyList<InputFileInfo> inputs,
        IReadOnlyList<FailOnRule> rules, IReportLog log, CancellationToken cancellationToken)
    {
        var store = new HistoryStore(request.HistoryDirectory!, request.HistoryMax);
        IReadOnlyList<SnapshotFile> kept;
        try
        {
            kept = store.Load(log);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The directory itself cannot be listed (its permissions, a file in its path): no history this build.
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Warning, PipelineDiagnosticCodes.HistoryNotWritten,
                $"the history was not read or written: {exception.Message}; check that the history directory can be read and written", request.HistoryDirectory));
            return null;
        }

        var draft = Header(request, analysis, inputs);
        var overThreshold = rules.FirstOrDefault(r => r.Measure == "profile-shift") is { } profileShift ? profileShift.IsBrokenBy : (Func<double, bool>?)null;
        string pending;
        SnapshotHeader header;
        HistoryChanges? withNewest = null;
        try
        {
            Directory.CreateDirectory(store.Directory);
            pending = Path.Combine(store.Directory, $".{SafeName(request.Name)}.snapshot.tmp");
            var hashes = DescriptionHashes(analysis);
            using var writer = new SnapshotWriter(pending);
            using var features = Features(analysis, specificity, hashes, cancellationToken).GetEnumerator();

            // One pass: each feature is written and compared with the newest snapshot's as it comes.
            if (kept.Count > 0)
            {
                try
                {
                    using var reader = SnapshotReader.Open(kept[^1].Path);
                    withNewest = HistoryComparer.Compare(reader, kept[^1], draft, Written(), overThreshold);
                }
                catch (SnapshotFormatException exception)
                {
                    log.Report(HistoryStore.Skipped(exception, kept[^1].Path));
                    kept = [.. kept.SkipLast(1)];
                }
            }

            // The features a comparison that stopped (or none) left unwritten.
            foreach (var _ in Written())
            {
            }

            header = writer.Complete(draft);

            IEnumerable<SnapshotFeature> Written()
            {
                while (features.MoveNext())
                {
                    writer.Add(features.Current);
                    yield return features.Current;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Warning, PipelineDiagnosticCodes.HistoryNotWritten,
                $"the history was not read or written: {exception.Message}; check that the history directory can be made and written", request.HistoryDirectory));
            return null;
        }

        var sameAs = kept.Count > 0 && kept[^1].Header.ContentSha256 == header.ContentSha256 ? kept[^1] : null;
        var changes = withNewest is not null && sameAs is null ? withNewest : new HistoryChanges();
        if (withNewest is null || sameAs is not null)
        {
            // The previous build is the newest snapshot of other data: a build again of the same data (a retry) compares
            // as the first build of it did, reading this build's features back from its snapshot.
            foreach (var baseline in kept.Where(k => k.Header.ContentSha256 != header.ContentSha256).Reverse())
            {
                try
                {
                    using var reader = SnapshotReader.Open(baseline.Path);
                    using var current = SnapshotReader.Open(pending);
                    changes = HistoryComparer.Compare(reader, baseline, current.Header, current.Features(), overThreshold);
                    break;
                }
                catch (SnapshotFormatException exception)
                {
                    log.Report(HistoryStore.Skipped(exception, baseline.Path));
                    kept = [.. kept.Where(k => k != baseline)];
                }
            }
        }

        List<(string, HeadlineNumbers)> trend = [.. kept.Select(k => (Name(k.Number, k.Header), k.Header.Totals))];
        if (sameAs is null)
        {
            trend.Add((Name(store.NextNumber(), header) + " (this build)", header.Totals));
        }

        return new HistoryRun(store, pending, header, changes with { SameAs = sameAs, Trend = trend.TakeLast(request.HistoryMax).ToList() });
    }

    /// <summary>Renames the snapshot into the history (unless the newest holds the same data) and prunes it to HistoryMax.</summary>
    public void Commit(IReportLog log)
    {
        try
        {
            if (Changes.SameAs is null)
            {
                var name = SnapshotFormat.FileName(store.NextNumber(), pendingHeader.Label, pendingHeader.ContentSha256);
                File.Move(pendingPath, Path.Combine(store.Directory, name));
            }

            store.Prune();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Warning, PipelineDiagnosticCodes.HistoryNotWritten,
                $"this build's snapshot was not added to the history: {exception.Message}; check that the history directory can be written", store.Directory));
        }
        finally
        {
            Discard();
        }
    }

    /// <summary>Removes the temporary snapshot (a failed build adds none).</summary>
    public void Discard()
    {
        try
        {
            File.Delete(pendingPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is no snapshot (its name is not one) and the next build overwrites it.
        }
    }

    /// <summary>How a snapshot is named in the trend: its number, and its label when it has one.</summary>
    /// <remarks>A label is cut to 12 characters: a commit's 40 digits would crowd the chart's axis, and 12 name it.</remarks>
    private static string Name(int number, SnapshotHeader header) =>
        header.Label is { Length: > 0 } label
            ? string.Create(CultureInfo.InvariantCulture, $"#{number} {(label.Length > 12 ? label[..12] : label)}")
            : string.Create(CultureInfo.InvariantCulture, $"#{number}");

    private static SnapshotHeader Header(ReportRequest request, ActivationAnalysis analysis, IReadOnlyList<InputFileInfo> inputs)
    {
        var totals = analysis.Totals;
        var warnings = analysis.Warnings.CountBy(w => w.Code).ToDictionary(c => c.Key, c => (long)c.Value, StringComparer.Ordinal);
        return new SnapshotHeader(
            SnapshotFormat.Version,
            ToolVersion,
            string.IsNullOrWhiteSpace(request.HistoryLabel) ? null : request.HistoryLabel.Trim(),
            request.SourceDate?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "",
            analysis.Labels,
            [.. inputs.Select(i => new SnapshotInput(i.Role, i.FileName, i.Bytes, i.Sha256))],
            new HeadlineNumbers(totals.Features, analysis.Features.Count(f => f.HasPrompts), totals.FeaturesDescribed, totals.Prompts, totals.Labels, analysis.Warnings.Count),
            warnings,
            0);
    }

    private static IEnumerable<SnapshotFeature> Features(ActivationAnalysis analysis, IReadOnlyList<FeatureSpecificity> specificity, (ulong[] Hashes, bool[] Described) descriptions, CancellationToken cancellationToken)
    {
        for (var i = 0; i < analysis.Features.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var feature = analysis.Features[i];
            var means = new double?[analysis.Labels.Count];
            for (var l = 0; l < means.Length; l++)
            {
                // As the snapshot keeps it (single precision): compared with a snapshot's, an unchanged mean is equal.
                means[l] = feature.ByLabel[l]?.Mean is { } mean && float.IsFinite((float)mean) ? (float)mean : null;
            }

            var hash = descriptions.Described[i] ? descriptions.Hashes[i].ToString("x16", CultureInfo.InvariantCulture) : null;
            yield return new SnapshotFeature(feature.FeatureId, feature.PromptCount, means, specificity[i].LabelIndex, hash,
                [.. feature.TopTokens(SnapshotFormat.TokensKept).Select(t => t.Token)]);
        }
    }

    /// <summary>
    /// Per feature, the first 8 bytes of the SHA-256 of its description text (big-endian, so its hex is the digest's
    /// first 16 digits) and whether it has a row: the descriptions read back once, in order, 9 bytes a feature rather
    /// than a string each.
    /// </summary>
    private static (ulong[] Hashes, bool[] Described) DescriptionHashes(ActivationAnalysis analysis)
    {
        var hashes = new ulong[analysis.Features.Count];
        var described = new bool[analysis.Features.Count];
        var i = 0;
        Span<byte> hash = stackalloc byte[32];
        foreach (var row in analysis.Descriptions.ReadRows(analysis.Features.Select(f => f.FeatureId)))
        {
            if (row is not null)
            {
                SHA256.HashData(Encoding.UTF8.GetBytes(row.ClaudeDesc ?? ""), hash);
                hashes[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
                described[i] = true;
            }

            i++;
        }

        return (hashes, described);
    }

    private static string SafeName(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
