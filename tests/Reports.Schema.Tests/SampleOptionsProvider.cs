using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Reports.Schema.Tests;

/// <summary>The item metadata (RecordName, Types, ...), keyed by sample path, and the project properties MSBuild would pass.</summary>
internal sealed class SampleOptionsProvider(IReadOnlyDictionary<string, Dictionary<string, string>> metadata, IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(metadata.TryGetValue(textFile.Path, out var values)
            ? values.ToDictionary(v => "build_metadata.AdditionalFiles." + v.Key, v => v.Value)
            : []);

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
