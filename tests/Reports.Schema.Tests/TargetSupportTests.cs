using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Reports.Schema.Tests;

/// <summary>
/// The emitted code needs C# 11 and .NET 8: an older target gets one error at each schema sample (RPTG008) and no
/// emitted code, rather than a wall of errors in files the user never wrote.
/// </summary>
public sealed class TargetSupportTests
{
    private const string UserCode = "namespace Samples; public static class Plain { public static int Answer => 42; }";

    [Fact]
    public void A_netstandard2_0_project_gets_one_located_error_per_sample()
    {
        var compilation = GeneratorRun.NewCompilation("Samples", [MetadataReference.CreateFromFile(NetStandardReference())], CSharpSyntaxTree.ParseText(UserCode));
        var properties = new Dictionary<string, string>(GeneratorRun.DefaultProperties) { ["TargetFramework"] = "netstandard2.0" };

        var run = GeneratorRun.Run(compilation, properties, LanguageVersion.Preview, Samples.Rows, Samples.Records);

        Assert.Equal([("/samples/rows.csv", 0, 0), ("/samples/records.jsonl", 0, 0)], run.GeneratorDiagnostics.Select(Where));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(("RPTG008", DiagnosticSeverity.Error), (d.Id, d.Severity)));
        Assert.Equal(
            "The generated readers need .NET 8 or later; netstandard2.0 lacks System.Text.Unicode.Utf8.IsValid, which they use: target net8.0 or later, or move the schema samples (RecordName items) to a project that does",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_language_version_before_csharp_11_gets_a_located_error()
    {
        var compilation = GeneratorRun.NewCompilation("Samples", GeneratorRun.FrameworkReferences, CSharpSyntaxTree.ParseText(UserCode, GeneratorRun.ParseOptions(LanguageVersion.CSharp10)));

        var run = GeneratorRun.Run(compilation, GeneratorRun.DefaultProperties, LanguageVersion.CSharp10, Samples.Records);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("RPTG008", ("/samples/records.jsonl", 0, 0)), (diagnostic.Id, Where(diagnostic)));
        Assert.StartsWith("The generated readers need C# 11 or later (required members, UTF-8 string literals); this project compiles C# 10.0", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Result.Results.Single().GeneratedSources);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Csharp_11_on_net_10_compiles_every_emitted_file_without_a_warning()
    {
        var compilation = GeneratorRun.NewCompilation("Samples", GeneratorRun.FrameworkReferences, CSharpSyntaxTree.ParseText(UserCode, GeneratorRun.ParseOptions(LanguageVersion.CSharp11)));

        var run = GeneratorRun.Run(compilation, GeneratorRun.DefaultProperties, LanguageVersion.CSharp11, Samples.Rows, Samples.Committed("personal_general_prompts.jsonl", "FeatureRecord"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Image());
    }

    private static (string Path, int Line, int Column) Where(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character);
    }

    /// <summary>netstandard2.0's reference assembly, from the NETStandard.Library package the generator's own build restores.</summary>
    private static string NetStandardReference()
    {
        var packages = typeof(TargetSupportTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var candidates = Directory.Exists(Path.Combine(packages, "netstandard.library"))
            ? Directory.GetFiles(Path.Combine(packages, "netstandard.library"), "netstandard.dll", SearchOption.AllDirectories)
                .Where(p => p.Replace('\\', '/').EndsWith("/build/netstandard2.0/ref/netstandard.dll", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.True(candidates.Length > 0, "NETStandard.Library is not in " + packages + " (restored with src/Reports.Schema)");
        return candidates[^1];
    }
}
