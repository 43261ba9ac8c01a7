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

    private GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics, IReadOnlyDictionary<string, string> properties)
    {
        Driver = driver;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Properties = properties;
    }

    /// <summary>The project properties the tests' samples are compiled with: the generated code goes in namespace Samples.</summary>
    public static IReadOnlyDictionary<string, string> DefaultProperties { get; } = new Dictionary<string, string> { ["RootNamespace"] = "Samples" };

    /// <summary>The framework assemblies of the test process (.NET 10).</summary>
    public static ImmutableArray<MetadataReference> FrameworkReferences => References;

    public GeneratorDriver Driver { get; }

    /// <summary>The MSBuild properties the generator saw (RootNamespace, TargetFramework, ...).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public static CSharpCompilation NewCompilation() => NewCompilation("Samples", References);

    public static CSharpCompilation NewCompilation(string assemblyName, IEnumerable<MetadataReference> references, params SyntaxTree[] code) =>
        CSharpCompilation.Create(assemblyName, code, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorRun Run(params Sample[] samples) => Run(NewCompilation(), samples);

    public static GeneratorRun Run(Compilation compilation, params Sample[] samples) => Run(compilation, DefaultProperties, LanguageVersion.Preview, samples);

    /// <param name="properties">The project's MSBuild properties, as the generator's props make them visible.</param>
    /// <param name="language">The project's language version (its LangVersion).</param>
    public static GeneratorRun Run(Compilation compilation, IReadOnlyDictionary<string, string> properties, LanguageVersion language, params Sample[] samples)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SchemaGenerator().AsSourceGenerator()],
            samples.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)),
            ParseOptions(language),
            Options(samples, properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Continue(driver, compilation, samples, properties);
    }

    public static CSharpParseOptions ParseOptions(LanguageVersion language) => CSharpParseOptions.Default.WithLanguageVersion(language);

    /// <summary>Runs an existing driver again (its cache intact) with new samples.</summary>
    public GeneratorRun RunAgain(params Sample[] samples)
    {
        var driver = Driver
            .ReplaceAdditionalTexts([.. samples.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))])
            .WithUpdatedAnalyzerConfigOptions(Options(samples, Properties));
        return Continue(driver, NewCompilation(), samples, Properties);
    }

    /// <summary>Compiles the output to an assembly; fails the test on any warning or error.</summary>
    public Assembly Load() => new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(Image()));

    /// <summary>Compiles the output to an assembly image; fails the test on any warning or error.</summary>
    public byte[] Image()
    {
        using var image = new MemoryStream();
        var emit = Output.Emit(image);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(emit.Success && problems.Length == 0, string.Join('\n', problems.Select(p => p.ToString())));
        return image.ToArray();
    }

    private static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation, Sample[] samples, IReadOnlyDictionary<string, string> properties)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics, properties);
    }

    private static SampleOptionsProvider Options(Sample[] samples, IReadOnlyDictionary<string, string> properties) =>
        new(samples.ToDictionary(s => s.Path, s =>
        {
            var metadata = new Dictionary<string, string> { ["RecordName"] = s.RecordName };
            if (s.Types is not null)
            {
                metadata["Types"] = s.Types;
            }

            return metadata;
        }), properties);
}
