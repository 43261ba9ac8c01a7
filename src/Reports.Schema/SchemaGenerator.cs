using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Reports.Schema.Emit;
using Reports.Schema.Model;
using Reports.Schema.Parsing;

namespace Reports.Schema;

/// <summary>
/// Reads schema samples (AdditionalFiles with <c>RecordName</c> metadata: a CSV with its header and a few rows, or a
/// few JSONL lines) and emits, per sample, sealed records and a streaming reader. Every step works on equatable
/// models, so an unchanged sample costs nothing on the next compilation. The readers' shared runtime is emitted once
/// per compilation, in a namespace of the consumer's (<see cref="TargetSupport.RuntimeNamespace"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Per compilation: the runtime's namespace and whether the target can compile the emitted code at all.
        var target = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => TargetSupport.Of(pair.Left.Left, pair.Left.Right, pair.Right.GlobalOptions));

        context.RegisterSourceOutput(target, static (output, target) =>
        {
            if (target.Unsupported is not null)
            {
                return;
            }

            foreach (var file in RuntimeEmitter.Sources)
            {
                output.AddSource(RuntimeEmitter.HintName(file.Key), SourceText.From(RuntimeEmitter.Emit(file.Value, target.RuntimeNamespace), System.Text.Encoding.UTF8));
            }
        });

        var rootNamespace = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) && value.Length > 0 ? value : "Generated");

        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(rootNamespace)
            .Select(static (pair, cancellationToken) =>
            {
                var ((file, options), defaultNamespace) = pair;
                var metadata = options.GetOptions(file);
                if (!metadata.TryGetValue("build_metadata.AdditionalFiles.RecordName", out var recordName) || recordName.Length == 0)
                {
                    return null;
                }

                metadata.TryGetValue("build_metadata.AdditionalFiles.Namespace", out var ns);
                metadata.TryGetValue("build_metadata.AdditionalFiles.Types", out var types);
                var text = file.GetText(cancellationToken)?.ToString() ?? "";
                return new SampleInput(file.Path, text, recordName, string.IsNullOrEmpty(ns) ? defaultNamespace : ns!, types ?? "");
            })
            .Where(static input => input is not null)
            .Select(static (input, _) => SampleParser.Parse(input!))
            .Combine(target);

        context.RegisterSourceOutput(inputs, static (output, pair) =>
        {
            var (sample, target) = pair;
            foreach (var diagnostic in sample.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (target.Unsupported is not null)
            {
                // Said at each sample, the files that ask for the code; nothing is emitted, so nothing else fails.
                output.ReportDiagnostic(new DiagnosticInfo("RPTG008", sample.Path, 0, 0, target.Unsupported).ToDiagnostic());
            }
            else if (sample.Diagnostics.Count == 0)
            {
                output.AddSource(SampleEmitter.HintName(sample), SourceText.From(SampleEmitter.Emit(sample, target.RuntimeNamespace), System.Text.Encoding.UTF8));
            }
        });
    }
}
