using Reports.Analysis.Aggregation;
using Reports.Analysis.Diagnostics;
using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>
/// Reads a report's two input files with the generated readers and produces its <see cref="ActivationAnalysis"/>.
/// The prompts file is streamed one record at a time, so memory grows with the number of features and
/// labels, not with the size of the file.
/// </summary>
public static class ActivationAnalyzer
{
    /// <exception cref="Reports.Schema.SchemaDataException">The data does not match its schema sample.</exception>
    /// <exception cref="ReportInputException">A file is missing, or the files contradict each other.</exception>
    /// <param name="options">Line limit and progress; the defaults when null.</param>
    public static ActivationAnalysis Analyze(string descriptionsPath, string promptsPath, AnalysisOptions? options = null, CancellationToken cancellationToken = default) =>
        Analyze(descriptionsPath, [promptsPath], options, cancellationToken);

    /// <summary>The analysis of the prompts in several files (shards, plain or compressed), read as one in the order given.</summary>
    /// <exception cref="Reports.Schema.SchemaDataException">The data does not match its schema sample.</exception>
    /// <exception cref="ReportInputException">A file is missing or damaged, or the files contradict each other.</exception>
    public static ActivationAnalysis Analyze(string descriptionsPath, IReadOnlyList<string> promptsPaths, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promptsPaths);
        options ??= AnalysisOptions.Default;
        var (aggregate, descriptions, missing) = BesideDescriptions(descriptionsPath, options.MaxLineLength,
            () => ParallelPromptReader.Aggregate([.. promptsPaths.Select(RequireFile)], options, cancellationToken), cancellationToken);
        return ActivationAnalysis.Create(aggregate, descriptions, descriptionsPath, promptsPaths, [.. missing.Select(m => MissingValuesWarning(m, descriptionsPath))]);
    }

    /// <summary>
    /// The analysis of partial aggregates written by <c>reports aggregate</c> (<see cref="Partials.PartialAggregateReader"/>):
    /// the same as of the prompts files they were written from, which need not be here.
    /// </summary>
    /// <exception cref="ReportInputException">A file is missing, a partial does not read, or the files contradict each other.</exception>
    public static ActivationAnalysis AnalyzePartials(string descriptionsPath, IReadOnlyList<string> partialPaths, out Partials.MergedPartials merged, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partialPaths);
        options ??= AnalysisOptions.Default;
        (merged, var descriptions, var missing) = BesideDescriptions(descriptionsPath, options.MaxLineLength,
            () => Partials.PartialAggregateReader.Read([.. partialPaths.Select(RequireFile)], cancellationToken), cancellationToken);
        return ActivationAnalysis.Create(merged.Aggregate, descriptions, descriptionsPath, [.. merged.Inputs.Select(i => i.Path)],
            [.. missing.Select(m => MissingValuesWarning(m, descriptionsPath))], merged.Evidence);
    }

    /// <summary>
    /// Reads the descriptions beside <paramref name="read"/> (one thread, a few MB), not before it. Their errors still
    /// come first: a bad descriptions file is reported as it was when it was read alone, whatever the prompts hold.
    /// </summary>
    private static (T Result, DescriptionIndex Descriptions, IReadOnlyList<CsvMissingValues> Missing) BesideDescriptions<T>(
        string descriptionsPath, int maxLineLength, Func<T> read, CancellationToken cancellationToken)
    {
        var reading = Task.Run(() =>
        {
            var rows = ReadDescriptions(descriptionsPath, out var missing, cancellationToken, maxLineLength);
            return (rows, missing);
        }, cancellationToken);
        T result;
        try
        {
            result = read();
        }
        catch (Exception)
        {
            ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            if (reading.IsFaulted)
            {
                reading.GetAwaiter().GetResult(); // the descriptions' own exception
            }

            throw;
        }

        var (descriptions, missingValues) = reading.GetAwaiter().GetResult();
        return (result, descriptions, missingValues);
    }

    /// <summary>The descriptions file's index: per described feature, where its row is and the row's numbers (<see cref="DescriptionIndex"/>).</summary>
    public static DescriptionIndex ReadDescriptions(string path, CancellationToken cancellationToken = default) =>
        ReadDescriptions(path, out _, cancellationToken);

    /// <summary>The descriptions file's index, and the numeric columns with missing values (pandas' NaN: empty or spelled out).</summary>
    public static DescriptionIndex ReadDescriptions(string path, out IReadOnlyList<CsvMissingValues> missing, CancellationToken cancellationToken = default, int maxLineLength = ReaderLimits.DefaultMaxLineLength) =>
        DescriptionIndex.Read(RequireFile(path), out missing, cancellationToken, maxLineLength);

    /// <summary>RPT106: one warning per column, at its first missing value.</summary>
    private static ReportDiagnostic MissingValuesWarning(CsvMissingValues missing, string path) =>
        new(DiagnosticSeverity.Warning, DiagnosticCodes.MissingDescriptionValues,
            $"{missing.Column}: {missing.Count} {(missing.Count == 1 ? "row leaves" : "rows leave")} it missing (an empty cell or NaN, as pandas writes a missing value), the first here; shown as empty cells, null in summary.json, and never used as a number",
            path, missing.FirstLine, missing.FirstColumn);

    /// <summary>Aggregates the prompts file on all cores (<see cref="ParallelPromptReader"/>).</summary>
    public static ActivationAggregate AggregatePrompts(string path, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireFile(path);
        return ParallelPromptReader.Aggregate(path, options, cancellationToken);
    }

    /// <summary>The straightforward way: every record materialised by the generated reader, one after another (a compressed file decompressed as it is read).</summary>
    public static ActivationAggregate AggregatePromptsSerially(string path, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        RequireFile(path);
        return ParallelPromptReader.AggregateSerially(path, Internals.CompressedText.Of(path), (options ?? AnalysisOptions.Default).MaxLineLength, cancellationToken);
    }

    private static string RequireFile(string path) => Internals.InputFile.Require(path);
}
