using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Reports.Schema.Tests;

/// <summary>A schema sample handed to the generator as an AdditionalFiles item.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
