using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Reports.Schema.Tests;

/// <summary>
/// Reports.Analysis reads the prompts JSONL with a hand-written fast path (<c>Reading/PromptLineScanner.Scan.cs</c>)
/// that takes the data's shape from the generated <c>XxxJson</c> classes. Here its sources are compiled, with the real
/// generator, against edited copies of its committed schema sample: a field renamed or added there must stop the fast
/// path compiling, so that it cannot drift from the sample; a field order changed must not.
/// </summary>
public sealed class FastPathTieTests
{
    private const string Scan = "PromptLineScanner.Scan.cs";

    private static readonly string Project = Path.Combine(Samples.RepositoryRoot, "src", "Reports.Analysis");

    private static readonly Func<string, string> Unchanged = sample => sample;

    private static readonly CSharpParseOptions Parse = GeneratorRun.ParseOptions(LanguageVersion.Preview);

    // The SDK's implicit usings, which the project has on; parsed once, as the project's own sources are.
    private static readonly Lazy<SyntaxTree[]> Sources = new(() =>
    [
        CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", Parse),
        .. Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Project, f).Split(Path.DirectorySeparatorChar).Any(d => d is "obj" or "bin"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse, f)),
    ]);

    [Fact]
    public void The_project_compiles_with_its_committed_samples()
    {
        var errors = Compile(Unchanged).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    public static TheoryData<string> FieldNames =>
        [.. Regex.Matches(File.ReadAllText(Path.Combine(Project, "Schemas", "personal_general_prompts.jsonl")), "\"([a-z_]+)\":").Select(m => m.Groups[1].Value).Distinct()];

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void A_field_renamed_in_the_sample_stops_the_fast_path_compiling(string field)
    {
        var errors = ScanErrors(sample => sample.Replace($"\"{field}\":", $"\"{field}_renamed\":", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Id == "CS0117");
    }

    [Theory]
    [InlineData("\"feature_id\":", "\"layer\":12,\"feature_id\":")]
    [InlineData("\"prompt_id\":", "\"prompt_rank\":1,\"prompt_id\":")]
    [InlineData("\"activation\":", "\"position\":3,\"activation\":")]
    public void A_field_added_to_the_sample_stops_the_fast_path_compiling(string before, string after)
    {
        var errors = ScanErrors(sample => sample.Replace(before, after, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Id == "CS8509");
    }

    [Fact]
    public void Fields_in_another_order_change_nothing_the_project_names()
    {
        // The sample's order is the one the scan tries first: it follows the sample with no change of its own.
        var errors = Compile(sample => Regex.Replace(
            Regex.Replace(sample, "\"token\":(\"[^\"]*\"),\"source\":(\"[^\"]*\")", "\"source\":$2,\"token\":$1"),
            "\"prompt_id\":([0-9]+),\"prompt_text\":(\"[^\"]*\"),\"prompt_label\":(\"[^\"]*\")", "\"prompt_label\":$3,\"prompt_id\":$1,\"prompt_text\":$2"))
            .GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    /// <summary>The errors in the fast path's scan when the prompts sample is edited, warnings included: the project treats them as errors.</summary>
    private static ImmutableArray<Diagnostic> ScanErrors(Func<string, string> edit)
    {
        var compilation = Compile(edit);
        var scan = compilation.SyntaxTrees.Single(t => Path.GetFileName(t.FilePath) == Scan);
        return [.. compilation.GetSemanticModel(scan).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
    }

    /// <summary>The project's sources with the code the generator emits from its samples (the prompts sample edited), as its project file declares them.</summary>
    private static Compilation Compile(Func<string, string> editPrompts)
    {
        var project = XDocument.Load(Path.Combine(Project, "Reports.Analysis.csproj"));
        var samples = project.Descendants("AdditionalFiles").Select(item =>
        {
            var path = Path.Combine(Project, item.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar));
            var text = File.ReadAllText(path);
            if (path.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                var edited = editPrompts(text);
                Assert.True(edited == text == (editPrompts == Unchanged), "the edit must change the sample");
                text = edited;
            }

            return new Sample(Path.GetFileName(path), text, item.Attribute("RecordName")!.Value, item.Attribute("Types")?.Value);
        }).ToArray();
        var properties = new Dictionary<string, string>
        {
            ["RootNamespace"] = "Reports.Analysis",
            ["ReportsSchemaRuntimeNamespace"] = project.Descendants("ReportsSchemaRuntimeNamespace").Single().Value,
            ["TargetFramework"] = "net10.0",
        };
        // The framework and the project's package (Zstandard shards).
        MetadataReference[] references = [.. GeneratorRun.FrameworkReferences, MetadataReference.CreateFromFile(typeof(ZstdSharp.DecompressionStream).Assembly.Location)];
        var compilation = CSharpCompilation.Create("Reports.Analysis", Sources.Value, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var run = GeneratorRun.Run(compilation, properties, LanguageVersion.Preview, samples);
        Assert.Empty(run.GeneratorDiagnostics);
        return run.Output;
    }
}
