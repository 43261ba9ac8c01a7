using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Reports.Schema.Model;

namespace Reports.Schema.Parsing;

/// <summary>Turns a schema sample into the records to emit, or into diagnostics located in the sample.</summary>
internal static class SampleParser
{
    public static SampleModel Parse(SampleInput input)
    {
        var kind = KindOf(input.Path);
        try
        {
            if (kind is null)
            {
                throw new SampleSyntaxException("RPTG006", 0, 0, "a schema sample must be a .csv or a .jsonl (.ndjson) file");
            }

            var root = kind == SampleKind.Csv ? InferCsv(input.Text) : InferJsonl(input.Text);
            TypeOverrides.Apply(root, input.Types);
            var records = new List<RecordShape>();
            Build(input.RecordName, root, records, new HashSet<string>(StringComparer.Ordinal));
            return new SampleModel(input.Path, kind.Value, input.Namespace, new(records), default);
        }
        catch (SampleSyntaxException problem)
        {
            var diagnostic = new DiagnosticInfo(problem.Id, input.Path, problem.Line, problem.Column, problem.Message);
            return new SampleModel(input.Path, kind ?? SampleKind.Csv, input.Namespace, default, new([diagnostic]));
        }
    }

    private static SampleKind? KindOf(string path)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => SampleKind.Csv,
            ".jsonl" or ".ndjson" => SampleKind.Jsonl,
            _ => null,
        };
    }

    private static ObjectInfo InferCsv(string text)
    {
        var records = CsvSampleParser.Parse(text);
        if (records.Count == 0)
        {
            throw new SampleSyntaxException("RPTG001", 0, 0, "expected a header line and at least one row");
        }

        var header = records[0];
        var info = new ObjectInfo();
        foreach (var column in header)
        {
            if (info.Fields.Any(f => f.DataName == column.Value))
            {
                throw new SampleSyntaxException("RPTG007", column.Line, column.Column, $"the column '{column.Value}' appears twice in the header");
            }

            info.Field(column.Value);
        }

        if (records.Count == 1)
        {
            throw new SampleSyntaxException("RPTG001", 0, 0, "expected at least one row after the header, to infer the column types from");
        }

        foreach (var row in records.Skip(1))
        {
            if (row.Count != header.Count)
            {
                throw new SampleSyntaxException("RPTG003", row[0].Line, 0,
                    string.Format(CultureInfo.InvariantCulture, "this row has {0} fields but the header has {1}", row.Count, header.Count));
            }

            for (var i = 0; i < row.Count; i++)
            {
                var field = info.Fields[i];
                var value = row[i];
                if (value.Value.Length == 0)
                {
                    field.Nullable = true;
                    continue;
                }

                field.Kind = TypeInference.Widen(field.Kind, ScalarKind(value.Value)) ?? ValueKind.String;
            }
        }

        foreach (var field in info.Fields.Where(f => f.Kind == ValueKind.Unknown))
        {
            field.Kind = ValueKind.String;
        }

        info.Instances = records.Count - 1;
        return info;
    }

    /// <summary>The narrowest kind a CSV text fits; anything that is not a number or a boolean is a string.</summary>
    private static ValueKind ScalarKind(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return ValueKind.Integer;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            return ValueKind.Double;
        }

        return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)
            ? ValueKind.Boolean
            : ValueKind.String;
    }

    private static ObjectInfo InferJsonl(string text)
    {
        var info = new ObjectInfo();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i == 0 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Substring(1);
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var value = JsonSampleParser.ParseLine(line, i);
            if (value.Kind != ValueKind.Object)
            {
                throw new SampleSyntaxException("RPTG002", i, value.Column, "each line of a JSONL sample must be a JSON object");
            }

            TypeInference.AddObject(info, value, "");
        }

        if (info.Instances == 0)
        {
            throw new SampleSyntaxException("RPTG001", 0, 0, "expected at least one JSON object line");
        }

        TypeInference.Complete(info);
        return info;
    }

    /// <summary>Names a record and its nested records; a nested name that clashes takes its parent's name as prefix.</summary>
    private static RecordShape Build(string name, ObjectInfo info, List<RecordShape> records, HashSet<string> recordNames)
    {
        recordNames.Add(name);
        var index = records.Count;
        records.Add(null!);
        var properties = new HashSet<string>(StringComparer.Ordinal) { name };
        var fields = new List<FieldShape>();
        foreach (var field in info.Fields)
        {
            var property = Naming.Unique(Naming.Pascal(field.DataName), properties);
            RecordShape? nested = null;
            if (field.Object is not null)
            {
                var candidate = field.Kind == ValueKind.Array ? Naming.Singular(property) : property;
                var collides = recordNames.Contains(candidate) || field.Object.Fields.Any(f => Naming.Pascal(f.DataName) == candidate) || candidate == property;
                var nestedName = Naming.Unique(collides ? name + candidate : candidate, new HashSet<string>(recordNames, StringComparer.Ordinal));
                nested = Build(nestedName, field.Object, records, recordNames);
            }

            var kind = field.Kind == ValueKind.Unknown ? ValueKind.String : field.Kind;
            var element = field.Kind == ValueKind.Array && field.Element == ValueKind.Unknown ? ValueKind.String : field.Element;
            fields.Add(new FieldShape(field.DataName, property, kind, field.Nullable, element, nested));
        }

        var record = new RecordShape(name, new(fields));
        records[index] = record;
        return record;
    }
}
