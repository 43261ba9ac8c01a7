using System.Globalization;
using Reports.Analysis.Diagnostics;
using Reports.Analysis.Partials;
using Reports.Analysis.Reading;
using Reports.Pipeline.Diagnostics;
using Reports.Schema;

namespace Reports.Pipeline;

/// <summary>What <c>reports aggregate</c> is asked: the prompts files to aggregate and where the partial aggregate goes.</summary>
public sealed record PartialAggregateRequest
{
    /// <summary>Prompts files and glob patterns (<see cref="InputPatterns"/>), read in sorted order.</summary>
    public required IReadOnlyList<string> Prompts { get; init; }

    /// <summary>The partial-aggregate file to write (<see cref="PartialAggregateFormat"/>).</summary>
    public required string OutputPath { get; init; }

    /// <summary>Strongest prompts kept per record: the most a report built from the partial can show per feature.</summary>
    public int TopPrompts { get; init; } = 5;

    public bool HashInputs { get; init; } = true;

    public int MaxLineLength { get; init; } = ReaderLimits.DefaultMaxLineLength;

    /// <summary>The writing tool's version, recorded in the file's header.</summary>
    public string ToolVersion { get; init; } = "0.0.0";
}

/// <summary>
/// The map step of a distributed report (<c>reports aggregate</c>): writes the partial aggregate of prompts files beside
/// its target and renames it into place only when it is whole, so a failed or stopped run never leaves a partial that
/// reads as a good one. Errors are located as a report run locates them.
/// </summary>
public static class PartialAggregateRun
{
    public static bool Run(PartialAggregateRequest request, IReportLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var prompts = InputPatterns.Expand(request.Prompts, Environment.CurrentDirectory, out var unmatched);
        foreach (var pattern in unmatched)
        {
            log.Report(InputPatterns.NoMatch(pattern, "prompts files", "--prompts"));
        }

        if (unmatched.Count > 0)
        {
            return false;
        }

        var target = Path.GetFullPath(request.OutputPath);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            log.Progress(string.Create(CultureInfo.InvariantCulture, $"aggregating {prompts.Count} prompts file(s) into {request.OutputPath}"));
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                PartialAggregateWriter.Write(prompts, stream, request.TopPrompts, request.HashInputs, request.ToolVersion,
                    new AnalysisOptions { MaxLineLength = request.MaxLineLength }, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            return true;
        }
        catch (SchemaDataException exception)
        {
            log.Report(exception.ToDiagnostic(Reports.Analysis.FeatureRecordJsonlReader.SampleFileName));
            return false;
        }
        catch (ReportInputException exception)
        {
            log.Report(exception.Diagnostic);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The inputs' errors are the readers' (RPT004 for one that cannot be opened): what is left is the output's.
            log.Report(new ReportDiagnostic(DiagnosticSeverity.Error, PipelineDiagnosticCodes.OutputFailed,
                $"could not write the partial aggregate: {exception.Message}; check that its folder can be written", request.OutputPath));
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
