using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Reports.Schema.Tests;

/// <summary>
/// Runs the real generator through Roslyn's generator driver on samples, compiles what it emits against the
/// test process's own framework assemblies, and loads the result so readers can be run on real files.
/// </summary>
internal sealed class GeneratorRun
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p)),
    ];

    private GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public static CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Samples", [], References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorRun Run(params Sample[] samples) => Run(NewCompilation(), samples);

    public static GeneratorRun Run(Compilation compilation, params Sample[] samples)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SchemaGenerator().AsSourceGenerator()],
            samples.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)),
            (CSharpParseOptions)CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview),
            Options(samples),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Continue(driver, compilation, samples);
    }

    /// <summary>Runs an existing driver again (its cache intact) with new samples.</summary>
    public GeneratorRun RunAgain(params Sample[] samples)
    {
        var driver = Driver
            .ReplaceAdditionalTexts([.. samples.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))])
            .WithUpdatedAnalyzerConfigOptions(Options(samples));
        return Continue(driver, NewCompilation(), samples);
    }

    /// <summary>Compiles the output to an assembly; fails the test on any warning or error.</summary>
    public Assembly Load()
    {
        using var image = new MemoryStream();
        var emit = Output.Emit(image);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(emit.Success && problems.Length == 0, string.Join('\n', problems.Select(p => p.ToString())));
        image.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image);
    }

    private static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation, Sample[] samples)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    private static SampleOptionsProvider Options(Sample[] samples) =>
        new(samples.ToDictionary(s => s.Path, s =>
        {
            var metadata = new Dictionary<string, string> { ["RecordName"] = s.RecordName };
            if (s.Types is not null)
            {
                metadata["Types"] = s.Types;
            }

            return metadata;
        }));
}
