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
/// models, so an unchanged sample costs nothing on the next compilation.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static output =>
            output.AddSource(RuntimeSource.HintName, SourceText.From(RuntimeSource.Text, System.Text.Encoding.UTF8)));

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
            .Select(static (input, _) => SampleParser.Parse(input!));

        context.RegisterSourceOutput(inputs, static (output, sample) =>
        {
            foreach (var diagnostic in sample.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (sample.Diagnostics.Count == 0)
            {
                output.AddSource(SampleEmitter.HintName(sample), SourceText.From(SampleEmitter.Emit(sample), System.Text.Encoding.UTF8));
            }
        });
    }
}
