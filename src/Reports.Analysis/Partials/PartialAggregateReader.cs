using System.IO.Compression;
using System.Text.Json;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Diagnostics;
using Reports.Analysis.Evidence;

namespace Reports.Analysis.Partials;

/// <summary>Partial aggregates merged: the aggregate of all their inputs, the inputs in merge order, and where pages' evidence is.</summary>
/// <param name="Inputs">Every input of every partial, sorted by full path: <see cref="RecordLocation.Source"/> indexes them.</param>
/// <param name="TopPromptsHeld">The strongest prompts per record the partials hold (the least of theirs): the most a page can show.</param>
public sealed record MergedPartials(ActivationAggregate Aggregate, IReadOnlyList<PartialInput> Inputs, int TopPromptsHeld, PartialAggregateEvidence Evidence);

/// <summary>
/// Reads partial aggregates (<see cref="PartialAggregateFormat"/>) and merges them as a direct run over their inputs
/// merges its files: every input's aggregate into the total in the order of the inputs' full paths, so the merge is the
/// same bits as the direct run, however the inputs were grouped into partials. Only the statistics are read here; the
/// evidence lines stay in the files until a page needs them (<see cref="PartialAggregateEvidence"/>).
/// </summary>
public static class PartialAggregateReader
{
    /// <exception cref="ReportInputException">A partial does not read (RPT023), or two name the same input.</exception>
    public static MergedPartials Read(IReadOnlyList<string> partialPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partialPaths);
        var pieces = new List<(PartialInput Input, ActivationAggregate Aggregate, int Partial, int Local)>();
        var topPrompts = int.MaxValue;
        for (var partial = 0; partial < partialPaths.Count; partial++)
        {
            topPrompts = Math.Min(topPrompts, ReadStatistics(partialPaths[partial], partial, pieces, cancellationToken));
        }

        var ordered = pieces.OrderBy(p => p.Input.FullPath, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Input.FullPath == ordered[i - 1].Input.FullPath)
            {
                throw new ReportInputException(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnreadablePartial,
                    $"expected each prompts file in one partial aggregate, found '{ordered[i].Input.FullPath}' in this one and in '{partialPaths[ordered[i - 1].Partial]}'; its records would count twice: leave one of the two partials out",
                    partialPaths[ordered[i].Partial]));
            }
        }

        var total = new ActivationAggregate();
        var sources = partialPaths.Select(_ => new Dictionary<int, int>()).ToArray();
        for (var source = 0; source < ordered.Length; source++)
        {
            total.Absorb(ordered[source].Aggregate, 0, source);
            sources[ordered[source].Partial][ordered[source].Local] = source;
        }

        total.TrimExcess();
        return new MergedPartials(total, [.. ordered.Select(p => p.Input)], topPrompts == int.MaxValue ? 0 : topPrompts,
            new PartialAggregateEvidence([.. partialPaths.Select((path, i) => (path, (IReadOnlyDictionary<int, int>)sources[i]))]));
    }

    /// <summary>Reads a partial's header and statistics sections; returns its strongest prompts per record.</summary>
    private static int ReadStatistics(string path, int partial, List<(PartialInput, ActivationAggregate, int, int)> pieces, CancellationToken cancellationToken)
    {
        using var lines = new PartialLines(path);
        try
        {
            return ReadStatistics(lines, partial, pieces, cancellationToken);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw lines.Error("the fields the format gives this line", $"a line without them ({exception.Message.TrimEnd('.')}): the file is damaged, or was not written by `reports aggregate`");
        }
    }

    private static int ReadStatistics(PartialLines lines, int partial, List<(PartialInput, ActivationAggregate, int, int)> pieces, CancellationToken cancellationToken)
    {
        var header = lines.Next("the header");
        if (!header.TryGetProperty("format", out var format) || format.GetString() != PartialAggregateFormat.Name)
        {
            throw lines.Error("a partial aggregate's header (\"format\": \"" + PartialAggregateFormat.Name + "\")", "another file: is it the output of `reports aggregate`?");
        }

        var version = header.GetProperty("version").GetInt32();
        if (version != PartialAggregateFormat.Version)
        {
            throw lines.Error($"version {PartialAggregateFormat.Version} of the format", $"version {version} (written by reports {header.GetProperty("tool").GetString()}): aggregate the prompts again with this version of the tool");
        }

        var topPrompts = header.GetProperty("top_prompts").GetInt32();
        var inputs = header.GetProperty("inputs").GetInt32();
        for (var input = 0; input < inputs; input++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var section = lines.Next("an input's section");
            if (!section.TryGetProperty("input", out var index) || index.GetInt32() != input)
            {
                throw lines.Error($"the section of input {input}", "another line: the file is damaged");
            }

            var info = new PartialInput(section.GetProperty("path").GetString()!, section.GetProperty("full_path").GetString()!,
                section.GetProperty("bytes").GetInt64(), section.GetProperty("sha256").GetString());
            var aggregate = new ActivationAggregate();
            var replaced = section.GetProperty("replaced_surrogates");
            aggregate.RestoreCounts(section.GetProperty("records").GetInt64(), section.GetProperty("prompts").GetInt64(), section.GetProperty("generated_reader_records").GetInt64(),
                (replaced[0].GetInt64(), replaced[1].GetInt64(), replaced[2].GetInt64()),
                section.GetProperty("labels").EnumerateArray().Select(l => (l[0].GetString()!, l[1].GetInt64())));
            var features = section.GetProperty("features").GetInt64();
            for (long f = 0; f < features; f++)
            {
                var feature = lines.Next("a feature's line");
                aggregate.Restore(feature.GetProperty("id").GetInt64(), Tally(aggregate, feature));
            }

            pieces.Add((info, aggregate, partial, input));
        }

        var marker = lines.Next("the evidence marker");
        if (!marker.TryGetProperty("evidence", out _))
        {
            throw lines.Error("the evidence marker after the last feature", "another line: the file is damaged");
        }

        return topPrompts;
    }

    private static FeatureTally Tally(ActivationAggregate aggregate, JsonElement feature)
    {
        var records = feature.GetProperty("records").EnumerateArray().Select(r => new RecordLocation(r[0].GetInt64(), r[1].GetInt64(), r[2].GetInt32())).ToArray();
        var cells = feature.GetProperty("cells").EnumerateArray()
            .Select(c => (c[0].GetString()!, RunningStatistics.FromParts(c[1].GetInt64(), c[2].GetDouble(), c[3].GetDouble(), c[4].GetDouble(), c[5].GetDouble(), c[6].GetDouble(), c[7].GetDouble())))
            .ToArray();
        var tokens = feature.GetProperty("tokens").EnumerateArray()
            .Select(t => new HeldToken { Id = aggregate.Tokens.Intern(t[0].GetString()!), Count = t[1].GetInt32(), Sum = t[2].GetDouble(), Max = t[3].GetDouble() })
            .ToArray();
        return FeatureTally.Restore(aggregate.Tokens, records, cells, tokens);
    }
}

/// <summary>The JSON lines of a partial aggregate, each located for its errors (RPT023).</summary>
internal sealed class PartialLines : IDisposable
{
    private readonly StreamReader reader;
    private JsonDocument? current;

    public PartialLines(string path)
    {
        Path = path;
        try
        {
            reader = new StreamReader(new GZipStream(Reading.Internals.InputFile.Open(path, () => File.OpenRead(path)), CompressionMode.Decompress), System.Text.Encoding.UTF8);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ReportInputException(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FileNotFound,
                $"expected a partial aggregate, found nothing at '{path}'; check the path in --partials or in the item's Partials", path));
        }
    }

    public string Path { get; }

    public long LineNumber { get; private set; }

    /// <summary>The next line as JSON; an error naming <paramref name="expected"/> when there is none or it does not read.</summary>
    public JsonElement Next(string expected)
    {
        var text = ReadLine(expected);
        current?.Dispose();
        try
        {
            current = JsonDocument.Parse(text);
            return current.RootElement;
        }
        catch (JsonException exception)
        {
            throw Error(expected, $"a line that is not JSON ({exception.Message}): the file is damaged");
        }
    }

    /// <summary>The next line's text (evidence lines are filtered on it before they are parsed); null at the end.</summary>
    public string? NextText()
    {
        try
        {
            var line = reader.ReadLine();
            if (line is not null)
            {
                LineNumber++;
            }

            return line;
        }
        catch (InvalidDataException exception)
        {
            throw Error("gzip data", $"damaged data ({exception.Message.TrimEnd('.')})");
        }
    }

    private string ReadLine(string expected) =>
        NextText() ?? throw Error(expected, "the end of the file: it is cut short (was it still being written, or copied in part?); write or copy it again");

    public ReportInputException Error(string expected, string found) =>
        new(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnreadablePartial,
            $"expected {expected}, found {found}", Path, LineNumber, LineNumber > 0 ? 1 : 0));

    public void Dispose()
    {
        current?.Dispose();
        reader.Dispose();
    }
}
