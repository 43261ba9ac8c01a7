using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Reports.Schema.Model;

/// <summary>A diagnostic to report, kept as plain values (no Roslyn Location) so the model stays equatable.</summary>
internal sealed record DiagnosticInfo(string Id, string Path, int Line, int Column, string Message)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = Diagnostics.ById(Id);
        var position = new LinePosition(Line, Column);
        var location = Location.Create(Path, new TextSpan(0, 0), new LinePositionSpan(position, position));
        return Diagnostic.Create(descriptor, location, Message);
    }
}
