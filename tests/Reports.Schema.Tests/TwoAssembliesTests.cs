using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Reports.Schema.Tests;

/// <summary>
/// Two assemblies that both use the generator, one referencing the other (and seeing its internals), each with its
/// own copy of the runtime: they compile without a clash and each reader throws its own assembly's exception.
/// </summary>
public sealed class TwoAssembliesTests
{
    private static readonly Sample Rows = Samples.Rows;

    private static readonly Sample Records = Samples.Records;

    [Fact]
    public void An_assembly_that_uses_the_generator_compiles_against_another_that_does()
    {
        var a = Compile("A", [], Rows, "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"B\")]");
        var b = Compile("B", [a.Reference], Records, """
            namespace B;

            public static class Both
            {
                /// <summary>A's reader on A's data and B's reader on B's, each failing with its own assembly's error.</summary>
                public static string Read(byte[] badRows, byte[] badRecords)
                {
                    var kinds = "";
                    try
                    {
                        using var rows = new A.RowCsvReader(new System.IO.MemoryStream(badRows), "rows.csv");
                        while (rows.TryRead(out _))
                        {
                        }
                    }
                    catch (A.Schema.SchemaDataException e)
                    {
                        kinds += "A:" + e.Kind;
                    }

                    try
                    {
                        using var records = new RecordJsonlReader(new System.IO.MemoryStream(badRecords), "records.jsonl", A.Schema.ReaderLimits.DefaultMaxLineLength);
                        while (records.TryRead(out _))
                        {
                        }
                    }
                    catch (B.Schema.SchemaDataException e)
                    {
                        kinds += " B:" + e.Kind;
                    }

                    return kinds;
                }
            }
            """);

        var context = new AssemblyLoadContext(null, isCollectible: true);
        var loadedA = context.LoadFromStream(new MemoryStream(a.Image));
        context.Resolving += (_, name) => name.Name == "A" ? loadedA : null;
        var both = context.LoadFromStream(new MemoryStream(b.Image)).GetType("B.Both")!;
        var read = both.GetMethod("Read")!;

        var kinds = (string)read.Invoke(null, [Encoding.UTF8.GetBytes("feature_id,mean,label,note\nx,1,a,b\n"), Encoding.UTF8.GetBytes("{\"feature_id\": 1}\n")])!;

        Assert.Equal("A:TypeMismatch B:MissingField", kinds);
    }

    [Fact]
    public void The_same_runtime_namespace_in_both_would_clash()
    {
        // Why the namespace is the assembly's own: with one fixed namespace, B sees A's public runtime types beside its own.
        var same = new Dictionary<string, string> { ["ReportsSchemaRuntimeNamespace"] = "Shared.Schema" };
        var a = Compile("A", [], Rows, "", same);

        var b = Run("B", [a.Reference], Records, "namespace B; public static class Use { public static int Limit => Shared.Schema.ReaderLimits.MaxDepth; }", same);

        Assert.Contains(b.Output.GetDiagnostics(), d => d.Id == "CS0436");
    }

    private static (MetadataReference Reference, byte[] Image) Compile(string name, MetadataReference[] references, Sample sample, string code, Dictionary<string, string>? properties = null)
    {
        var image = Run(name, references, sample, code, properties).Image();
        return (MetadataReference.CreateFromImage(image), image);
    }

    private static GeneratorRun Run(string name, MetadataReference[] references, Sample sample, string code, Dictionary<string, string>? properties = null)
    {
        var compilation = GeneratorRun.NewCompilation(name, [.. GeneratorRun.FrameworkReferences, .. references], CSharpSyntaxTree.ParseText(code, GeneratorRun.ParseOptions(LanguageVersion.CSharp11)));
        var project = new Dictionary<string, string>(properties ?? []) { ["RootNamespace"] = name };
        var run = GeneratorRun.Run(compilation, project, LanguageVersion.CSharp11, sample);
        Assert.Empty(run.GeneratorDiagnostics);
        return run;
    }
}
