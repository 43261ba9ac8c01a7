using System.Collections.Concurrent;
using System.Globalization;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Diagnostics;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading;
using Reports.Pipeline.Diagnostics;
using Reports.Pipeline.Features;
using Reports.Pipeline.History;
using Reports.Pipeline.Outputs;
using Reports.Schema;

namespace Reports.Pipeline;

/// <summary>
/// One report run, the work of the <c>reports</c> command (which the MSBuild targets run with the
/// GenerateActivationReport task, Reports.Build.Tasks): analyse the inputs, write every output to a temporary file, and
/// only when all succeeded rename them into place. On any error no earlier output is touched, so a good report is never
/// replaced by a partial one. An input read back while the document is built or an output written may have changed
/// since the analysis read it: that is the input's error (<see cref="InputChangedException"/>), reported where it
/// happens, never a crash nor a failed write.
/// </summary>
public static class ReportPipeline
{
    /// <summary>The outputs of a report, in the order they are written.</summary>
    public static IReadOnlyList<IReportOutput> Outputs { get; } =
    [
        new AggregateCsvOutput(),
        new SummaryJsonOutput(),
        new SummaryMarkdownOutput(),
        new FeaturesCsvOutput(),
        new HeatmapPngOutput(),
        new HtmlReportOutput(),
        new PdfReportOutput(),
        new TokensCsvOutput(),
    ];

    /// <summary>The file names a request produces, for build systems that must know them in advance.</summary>
    public static IEnumerable<string> OutputFileNames(bool render) =>
        Outputs.Where(o => render || !o.IsRendering).Select(o => o.FileName);

    public static ReportOutcome Run(ReportRequest request, IReportLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);

        if (request.TopPrompts < 0)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.InvalidOption, $"TopPrompts: expected a number of prompts (0 or more), found {request.TopPrompts}"));
            return ReportOutcome.Failed;
        }

        if (request.MaxLineLength is < 1 or > ReaderLimits.LargestMaxLineLength)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.InvalidOption, $"MaxLineLength: expected a size from 1 byte to 1 GiB, found {request.MaxLineLength} bytes"));
            return ReportOutcome.Failed;
        }

        if (!TryExpandInputs(request, log, out var prompts, out var partials) || !TryReadHistoryOptions(request, log, out var rules))
        {
            return ReportOutcome.Failed;
        }

        ReportContent content;
        HistoryRun? history = null;
        try
        {
            var (analysis, inputs) = partials.Count > 0 ? AnalyzePartials(request, partials, log, cancellationToken) : Analyze(request, prompts, log, cancellationToken);
            if (analysis is null)
            {
                return ReportOutcome.Failed;
            }

            foreach (var warning in WarningsToShow(analysis.Warnings))
            {
                log.Report(warning);
            }

            if (!TryChooseFeatures(request, analysis, log, out var specificity, out var selection, out var order, out var columns, out var pages))
            {
                return ReportOutcome.Failed;
            }

            if (request.HistoryDirectory is not null)
            {
                log.Progress($"{request.Name}: comparing with the history in {request.HistoryDirectory}");
                history = HistoryRun.Prepare(request, analysis, specificity, inputs, rules, log, cancellationToken);
            }

            content = new ReportContent(request, analysis, inputs, selection, order, columns, pages, specificity) { Changes = history?.Changes };
            if (request.Render)
            {
                foreach (var warning in UndrawableCharacters.Find(content.Document))
                {
                    log.Report(warning);
                }
            }
        }
        catch (SchemaDataException exception)
        {
            history?.Discard();
            log.Report(Located(exception, request));
            return ReportOutcome.Failed;
        }
        catch (ReportInputException exception)
        {
            history?.Discard();
            log.Report(exception.Diagnostic);
            return ReportOutcome.Failed;
        }
        catch (InputChangedException exception)
        {
            // A description row or a feature's records read back for the document.
            history?.Discard();
            log.Report(exception.Diagnostic);
            return ReportOutcome.Failed;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            // An input that is there but cannot be read where no reader said which (the hashes beside the reading, say).
            history?.Discard();
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnreadableFile,
                $"could not read an input: {exception.Message.TrimEnd('.')}; check its permissions, and that no other program holds it open for writing"));
            return ReportOutcome.Failed;
        }

        var outputs = Outputs.Where(o => request.Render || !o.IsRendering).ToArray();
        string[]? written;
        try
        {
            written = WriteAtomically(request.OutputDirectory, outputs, content, log, cancellationToken);
        }
        catch
        {
            history?.Discard();
            throw;
        }

        if (written is null)
        {
            history?.Discard();
            return ReportOutcome.Failed;
        }

        if (history is not null)
        {
            // Recorded before the gates are judged: a build that fails on them still leaves its snapshot.
            history.Commit(log);
            foreach (var broken in FailOnRules.Broken(rules, history.Changes, warn: request.FailOnMode == "warn"))
            {
                log.Report(broken);
            }
        }

        return new ReportOutcome(true, written, content.Analysis, [.. content.HeatmapColumns.Select(f => f.FeatureId)]);
    }

    /// <summary>The history's options: checked before anything is read, as the other options are.</summary>
    private static bool TryReadHistoryOptions(ReportRequest request, IReportLog log, out IReadOnlyList<FailOnRule> rules)
    {
        rules = [];
        var problem = request.HistoryMax < 1 ? $"HistoryMax: expected a number of snapshots (1 or more), found {request.HistoryMax}"
            : request.FailOnMode is not ("error" or "warn") ? $"FailOnMode: expected error or warn, found '{request.FailOnMode}'"
            : !FailOnRules.TryParse(request.FailOn, out rules, out var ruleProblem) ? ruleProblem
            : rules.Count > 0 && string.IsNullOrEmpty(request.HistoryDirectory) ? "FailOn: its rules compare with the previous build, which needs a HistoryDirectory (--history); set one"
            : null;
        if (problem is null)
        {
            return true;
        }

        log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.InvalidOption, problem));
        return false;
    }

    /// <summary>Reads the prompts files, hashing the inputs beside the aggregation.</summary>
    private static (ActivationAnalysis, IReadOnlyList<InputFileInfo>) Analyze(ReportRequest request, IReadOnlyList<string> prompts, IReportLog log, CancellationToken cancellationToken)
    {
        var promptsText = prompts.Count == 1 ? prompts[0] : string.Create(CultureInfo.InvariantCulture, $"{prompts.Count} prompts files");
        log.Progress($"{request.Name}: reading {promptsText}");

        // The SHA-256 of the inputs (on the cover and in summary.json) is a second full read: it runs beside the
        // aggregation instead of after it.
        var hashing = Task.Run(() => (IReadOnlyList<InputFileInfo>)
            [InputFileInfo.Of("descriptions", request.DescriptionsPath, request.HashInputs), .. prompts.Select(p => InputFileInfo.Of("prompts", p, request.HashInputs))], cancellationToken);
        var promptBytes = prompts.Sum(p => new FileInfo(p) is { Exists: true } file ? file.Length : 0);
        var analysis = ActivationAnalyzer.Analyze(request.DescriptionsPath, prompts,
            new AnalysisOptions { MaxLineLength = request.MaxLineLength, BytesRead = new Progress(bytes => log.ReadProgress(bytes, promptBytes)) }, cancellationToken);
        log.Progress(string.Create(CultureInfo.InvariantCulture,
            $"{request.Name}: read {analysis.Totals.FeatureRecords:N0} records of {promptsText}, {analysis.RecordsReadByGeneratedReader:N0} of them by the generated reader (lines the fast reader declined)"));
        return (analysis, hashing.GetAwaiter().GetResult());
    }

    /// <summary>Merges partial aggregates; the inputs listed are the prompts files they were written from, as their writers saw them.</summary>
    private static (ActivationAnalysis?, IReadOnlyList<InputFileInfo>) AnalyzePartials(ReportRequest request, IReadOnlyList<string> partials, IReportLog log, CancellationToken cancellationToken)
    {
        log.Progress(string.Create(CultureInfo.InvariantCulture, $"{request.Name}: merging {partials.Count} partial aggregate(s)"));
        var analysis = ActivationAnalyzer.AnalyzePartials(request.DescriptionsPath, partials, out var merged, new AnalysisOptions { MaxLineLength = request.MaxLineLength }, cancellationToken);
        if (request.TopPrompts > merged.TopPromptsHeld)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.InvalidOption,
                $"TopPrompts: expected at most the {merged.TopPromptsHeld} strongest prompts per record the partial aggregates hold, found {request.TopPrompts}; aggregate the prompts again with --top-prompts {request.TopPrompts}, or show fewer"));
            return (null, []);
        }

        return (analysis, [InputFileInfo.Of("descriptions", request.DescriptionsPath, request.HashInputs), .. merged.Inputs.Select(i => new InputFileInfo("prompts", Path.GetFileName(i.Path), i.Bytes, i.Sha256))]);
    }

    /// <summary>
    /// The prompts files or the partial aggregates the request names (paths and patterns, <see cref="InputPatterns"/>),
    /// sorted; false, said, when a pattern matches nothing or there are none.
    /// </summary>
    private static bool TryExpandInputs(ReportRequest request, IReportLog log, out IReadOnlyList<string> prompts, out IReadOnlyList<string> partials)
    {
        prompts = InputPatterns.Expand(request.Prompts, Environment.CurrentDirectory, out var unmatchedPrompts);
        partials = InputPatterns.Expand(request.Partials, Environment.CurrentDirectory, out var unmatchedPartials);
        foreach (var (pattern, what, where) in unmatchedPrompts.Select(p => (p, "prompts files", "Prompts")).Concat(unmatchedPartials.Select(p => (p, "partial aggregates", "Partials"))))
        {
            log.Report(InputPatterns.NoMatch(pattern, what, $"the item's {where} (relative to the project) or in --{where.ToLowerInvariant()}"));
        }

        if (prompts.Count == 0 && partials.Count == 0 && unmatchedPrompts.Count == 0 && unmatchedPartials.Count == 0)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.InvalidOption,
                "Prompts: expected a prompts file (or several, or a pattern), found none; name it in the item's Prompts or with --prompts, or give partial aggregates with Partials or --partials"));
        }

        return unmatchedPrompts.Count == 0 && unmatchedPartials.Count == 0 && prompts.Count + partials.Count > 0;
    }

    /// <summary>A reader's error, with the fix that names the schema sample of the file it is in.</summary>
    private static ReportDiagnostic Located(SchemaDataException exception, ReportRequest request)
    {
        var sample = string.Equals(Path.GetFullPath(exception.FilePath), Path.GetFullPath(request.DescriptionsPath), StringComparison.Ordinal)
            ? Reports.Analysis.FeatureDescriptionCsvReader.SampleFileName
            : Reports.Analysis.FeatureRecordJsonlReader.SampleFileName;
        return exception.ToDiagnostic(sample);
    }

    /// <summary>
    /// The first <see cref="SummaryJsonOutput.WarningsListedPerCode"/> warnings of each code (as many as summary.json lists), then one that counts the rest: two million
    /// features without prompts are two million warnings, which no one reads and a build log chokes on.
    /// </summary>
    private static IEnumerable<ReportDiagnostic> WarningsToShow(IReadOnlyList<ReportDiagnostic> warnings)
    {
        var counts = new Dictionary<string, (int Count, ReportDiagnostic First)>(StringComparer.Ordinal);
        foreach (var warning in warnings)
        {
            var count = counts.TryGetValue(warning.Code, out var seen) ? seen.Count + 1 : 1;
            counts[warning.Code] = (count, count == 1 ? warning : seen.First);
            if (count <= SummaryJsonOutput.WarningsListedPerCode)
            {
                yield return warning;
            }
        }

        foreach (var (code, (count, first)) in counts.Where(c => c.Value.Count > SummaryJsonOutput.WarningsListedPerCode).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            yield return first with
            {
                Line = 0,
                Column = 0,
                Message = string.Create(CultureInfo.InvariantCulture, $"{count - SummaryJsonOutput.WarningsListedPerCode:N0} more {code} warnings like the ones above (summary.json counts them; features.csv has every feature)"),
            };
        }
    }

    /// <summary>Forwards on the calling thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>Applies the options that can only be checked against the data (feature ids, column names, sizes).</summary>
    private static bool TryChooseFeatures(ReportRequest request, ActivationAnalysis analysis, IReportLog log, out FeatureSpecificity[] specificity,
        out HeatmapSelection selection, out string order, out IReadOnlyList<FeatureSummary> columns, out IReadOnlyList<FeatureSummary> pages)
    {
        specificity = [.. analysis.Features.Select(FeatureSpecificity.Of)];
        try
        {
            pages = FeaturePageSelection.Select(analysis, request.FeaturePages, request.FeaturePagesBy);
            var included = FeaturePageSelection.Ids(analysis, request.IncludeFeatures, "IncludeFeatures");
            selection = HeatmapSelection.Choose(analysis, specificity, request.HeatmapFeatures, [.. included, .. pages.Select(p => p.FeatureId)]);
            order = HeatmapModels.EffectiveOrder(selection, request.HeatmapOrder);
            columns = HeatmapModels.Columns(selection, order);
            return true;
        }
        catch (ArgumentException exception)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.InvalidOption, exception.Message));
            selection = null!;
            order = "";
            columns = pages = [];
            return false;
        }
    }

    /// <summary>Writes every output beside its target as a temporary file, then renames them all; null on failure.</summary>
    private static string[]? WriteAtomically(string directory, IReportOutput[] outputs, ReportContent content, IReportLog log, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file where a folder of the path should be, or a folder that may not be made: said, never a crash.
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.OutputFailed,
                $"could not make the output directory: {exception.Message}; check that the output directory can be made there (no file of that name stands in its path)", directory));
            return null;
        }

        var targets = outputs.Select(o => Path.GetFullPath(Path.Combine(directory, o.FileName))).ToArray();
        var temporaries = targets.Select(t => Path.Combine(Path.GetDirectoryName(t)!, $".{Path.GetFileName(t)}.tmp")).ToArray();
        var created = new bool[outputs.Length];
        try
        {
            WriteSideBySide(outputs, temporaries, created, content, log, cancellationToken);

            for (var i = 0; i < outputs.Length; i++)
            {
                File.Move(temporaries[i], targets[i], overwrite: true);
            }

            return targets;
        }
        catch (InputChangedException exception)
        {
            // An input read back while an output was written: its error, not the output directory's.
            log.Report(exception.Diagnostic);
            return null;
        }
        catch (SchemaDataException exception)
        {
            // A record read back that no longer reads, located as the reader locates it.
            log.Report(Located(exception, content.Request));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.OutputFailed,
                $"could not write the report's files: {exception.Message}; check that the output directory can be written and that no file of the report is open in another program", directory));
            return null;
        }
        finally
        {
            // Only the files this run made: whatever stood in the way of one (a directory, a file it may not replace) is not its own.
            for (var i = 0; i < temporaries.Length; i++)
            {
                if (created[i])
                {
                    File.Delete(temporaries[i]);
                }
            }
        }
    }

    /// <summary>
    /// Writes the outputs' temporary files. The PDF takes longest and keeps two threads busy on its own (its pages, and
    /// its charts recorded ahead), so it runs on this thread and the others share the cores left, at least one, one
    /// after another on a two-core machine: there, writing them all at once left the PDF a fraction of a core while it
    /// laid out its pages, and the run took longer (bench/results/history.md).
    /// </summary>
    /// <param name="created">Set for each temporary file once it exists.</param>
    private static void WriteSideBySide(IReportOutput[] outputs, string[] temporaries, bool[] created, ReportContent content, IReportLog log, CancellationToken cancellationToken)
    {
        var pdf = Array.FindIndex(outputs, o => o is PdfReportOutput);
        // Rendered files before data files: the longer ones start first.
        var others = Enumerable.Range(0, outputs.Length).Where(i => i != pdf).OrderBy(i => outputs[i].IsRendering ? 0 : 1).ToArray();
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - (pdf >= 0 ? 2 : 0)),
        };
        var logGate = new object();
        var rest = Task.Run(() => Parallel.ForEach(Partitioner.Create(others, EnumerablePartitionerOptions.NoBuffering), options, Write), cancellationToken);
        try
        {
            if (pdf >= 0)
            {
                Write(pdf);
            }
        }
        finally
        {
            // Waited for even when the PDF failed: no output may still be writing once the temporary files are removed.
            ((Task)rest).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        }

        if (rest.Exception is { } failure)
        {
            // Parallel.ForEach wraps what an output threw: rethrown as itself, as a serial write would have thrown it.
            var inner = failure.Flatten().InnerExceptions;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner.Count == 1 ? inner[0] : failure);
        }

        cancellationToken.ThrowIfCancellationRequested();

        void Write(int i)
        {
            lock (logGate)
            {
                log.Progress($"{content.Request.Name}: writing {outputs[i].FileName}");
            }

            // Readable too: the PDF reads back what Skia wrote to add its outline, where it is, not through a copy in memory.
            using var stream = new FileStream(temporaries[i], FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            created[i] = true;
            outputs[i].Write(content, stream);
        }
    }
}
