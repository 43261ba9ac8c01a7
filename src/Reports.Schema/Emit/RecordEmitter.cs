using Reports.Schema.Model;

namespace Reports.Schema.Emit;

/// <summary>Emits the sealed records of a sample: one property per field, named idiomatically, documented with the data name.</summary>
internal static class RecordEmitter
{
    public static void Emit(CodeWriter code, RecordShape record, string sampleFile)
    {
        code.Line($"/// <summary>A record of the data described by the schema sample <c>{sampleFile}</c>.</summary>");
        code.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Reports.Schema\", \"1.0\")]");
        code.Line($"public sealed partial record {record.Name}");
        code.Line("{");
        foreach (var field in record.Fields)
        {
            code.Line($"/// <summary>The <c>{field.DataName}</c> field.</summary>");
            var required = field.Nullable ? "" : "required ";
            code.Line($"public {required}{field.TypeName} {field.PropertyName} {{ get; init; }}");
            code.Line();
        }

        code.Line("}");
    }
}
