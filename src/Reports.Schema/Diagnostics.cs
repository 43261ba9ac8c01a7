using System;
using Microsoft.CodeAnalysis;

namespace Reports.Schema;

/// <summary>The generator's diagnostics: all point into a schema sample (the one at fault, or one the target cannot serve).</summary>
internal static class Diagnostics
{
    private const string Category = "Reports.Schema";

    public static readonly DiagnosticDescriptor EmptySample = Error("RPTG001", "Schema sample is empty", "The schema sample has no data: {0}");
    public static readonly DiagnosticDescriptor MalformedSample = Error("RPTG002", "Schema sample is malformed", "The schema sample cannot be read: {0}");
    public static readonly DiagnosticDescriptor WrongFieldCount = Error("RPTG003", "Schema sample row has the wrong number of fields", "{0}");
    public static readonly DiagnosticDescriptor BadOverride = Error("RPTG004", "Bad Types override", "{0}");
    public static readonly DiagnosticDescriptor ConflictingTypes = Error("RPTG005", "Field has conflicting types in the sample", "{0}");
    public static readonly DiagnosticDescriptor UnsupportedSample = Error("RPTG006", "Unsupported schema sample", "{0}");
    public static readonly DiagnosticDescriptor DuplicateColumn = Error("RPTG007", "Schema sample names a column twice", "{0}");
    public static readonly DiagnosticDescriptor UnsupportedTarget = Error("RPTG008", "Target cannot compile the generated readers", "{0}");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "RPTG001" => EmptySample,
        "RPTG002" => MalformedSample,
        "RPTG003" => WrongFieldCount,
        "RPTG004" => BadOverride,
        "RPTG005" => ConflictingTypes,
        "RPTG006" => UnsupportedSample,
        "RPTG007" => DuplicateColumn,
        "RPTG008" => UnsupportedTarget,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };

    private static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
