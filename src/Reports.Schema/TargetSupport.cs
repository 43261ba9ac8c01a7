using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Reports.Schema.Model;

namespace Reports.Schema;

/// <summary>
/// Whether a compilation can take the emitted code, and where the runtime goes in it. The runtime and the readers use
/// C# 11 (required members, UTF-8 literals) and .NET 8 APIs: on an older target one located error says so, where the
/// emitted code would otherwise fail with a wall of errors in files the user never wrote.
/// </summary>
internal static class TargetSupport
{
    /// <summary>What the emitted code uses that netstandard2.0 and older .NET lack, newest first.</summary>
    private static readonly (string Type, string? Member)[] RequiredApis =
    {
        ("System.Text.Unicode.Utf8", "IsValid"),
        ("System.Text.Json.Utf8JsonReader", "ValueIsEscaped"),
        ("System.Runtime.CompilerServices.RequiredMemberAttribute", null),
    };

    public static TargetInfo Of(Compilation compilation, ParseOptions parseOptions, AnalyzerConfigOptions options) =>
        new(RuntimeNamespace(options, compilation.AssemblyName), Unsupported(compilation, parseOptions, options));

    /// <summary>
    /// The consumer's own namespace for the runtime: <c>ReportsSchemaRuntimeNamespace</c> when the project sets it,
    /// otherwise <c>&lt;RootNamespace&gt;.Schema</c>. Per assembly, so two consumers' public runtime types never share a name.
    /// </summary>
    public static string RuntimeNamespace(AnalyzerConfigOptions options, string? assemblyName)
    {
        if (options.TryGetValue("build_property.ReportsSchemaRuntimeNamespace", out var chosen) && chosen.Trim().Length > 0)
        {
            return chosen.Trim();
        }

        var root = options.TryGetValue("build_property.RootNamespace", out var value) && value.Length > 0 ? value : assemblyName;
        return NamespaceName(string.IsNullOrEmpty(root) ? "Generated" : root!) + ".Schema";
    }

    /// <summary>Why the compilation cannot compile the emitted code, or <see langword="null"/> when it can.</summary>
    public static string? Unsupported(Compilation compilation, ParseOptions parseOptions, AnalyzerConfigOptions options)
    {
        if (parseOptions is CSharpParseOptions { LanguageVersion: var version } && version < LanguageVersion.CSharp11)
        {
            return "The generated readers need C# 11 or later (required members, UTF-8 string literals); this project compiles C# "
                + version.ToDisplayString() + ": set LangVersion to 11 or later, or leave it out on net8.0 or later";
        }

        foreach (var (type, member) in RequiredApis)
        {
            if (!Has(compilation, type, member))
            {
                var target = options.TryGetValue("build_property.TargetFramework", out var framework) && framework.Length > 0 ? framework : "the project's target";
                return "The generated readers need .NET 8 or later; " + target + " lacks " + type + (member is null ? "" : "." + member)
                    + ", which they use: target net8.0 or later, or move the schema samples (RecordName items) to a project that does";
            }
        }

        return null;
    }

    private static bool Has(Compilation compilation, string typeName, string? member) =>
        compilation.GetTypesByMetadataName(typeName).Any(type =>
            compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)
            && (member is null || type.GetMembers(member).Any(m => m.DeclaredAccessibility == Accessibility.Public)));

    /// <summary>A valid C# namespace from a root namespace or assembly name (<c>my-app</c> gives <c>my_app</c>).</summary>
    private static string NamespaceName(string name)
    {
        var parts = name.Split('.').Select(part =>
        {
            var text = new StringBuilder();
            foreach (var c in part)
            {
                text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            if (text.Length == 0 || char.IsDigit(text[0]))
            {
                text.Insert(0, '_');
            }

            var identifier = text.ToString();
            return SyntaxFacts.GetKeywordKind(identifier) == SyntaxKind.None ? identifier : "@" + identifier;
        });
        return string.Join(".", parts);
    }
}
