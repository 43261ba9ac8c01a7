using System.Text;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// What the readers do with JSONTestSuite's i_ documents (JSON a parser may accept or reject), pinned so a change of
/// behaviour fails a test. docs/input-limits.md shows the same table (<see cref="InputLimitsDocumentTests"/>). Every
/// string field gives the same outcome, and so does every place of an unknown field; "(not placed)" marks a document
/// that is not <c>[value]</c> (string fields) or not a number (activation).
/// </summary>
internal static class ImplementationDefinedOutcomes
{
    /// <summary>Per document: as a whole line, as each string field's value, as an unknown field's value, as the activation.</summary>
    public static IReadOnlyList<Row> Table { get; } =
    [
        new("i_number_double_huge_neg_exp.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "read as 0"),
        new("i_number_huge_exp.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "RPT016 NonFiniteNumber"),
        new("i_number_neg_int_huge_exp.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "RPT016 NonFiniteNumber"),
        new("i_number_pos_double_huge_exp.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "RPT016 NonFiniteNumber"),
        new("i_number_real_neg_overflow.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "RPT016 NonFiniteNumber"),
        new("i_number_real_pos_overflow.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "RPT016 NonFiniteNumber"),
        new("i_number_real_underflow.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "read as 0"),
        new("i_number_too_big_neg_int.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "read as -1.2312312312312312E+29"),
        new("i_number_too_big_pos_int.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "read as 1E+20"),
        new("i_number_very_big_negative_int.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "read", "read as -2.374623746732769E+47"),
        new("i_object_key_lone_2nd_surrogate.json", "RPT014 MissingField", null, "read", null),
        new("i_string_1st_surrogate_but_2nd_missing.json", "RPT015 TypeMismatch", @"read as ""\uFFFD""", "read", null),
        new("i_string_1st_valid_surrogate_2nd_invalid.json", "RPT015 TypeMismatch", @"read as ""\uFFFD\u1234""", "read", null),
        new("i_string_UTF-16LE_with_BOM.json", "RPT003 UnsupportedEncoding", null, "RPT003 UnsupportedEncoding", null),
        new("i_string_UTF-8_invalid_sequence.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_UTF8_surrogate_U+D800.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_incomplete_surrogate_and_escape_valid.json", "RPT015 TypeMismatch", @"read as ""\uFFFD\u000A""", "read", null),
        new("i_string_incomplete_surrogate_pair.json", "RPT015 TypeMismatch", @"read as ""\uFFFDa""", "read", null),
        new("i_string_incomplete_surrogates_escape_valid.json", "RPT015 TypeMismatch", @"read as ""\uFFFD\uFFFD\u000A""", "read", null),
        new("i_string_invalid_lonely_surrogate.json", "RPT015 TypeMismatch", @"read as ""\uFFFD""", "read", null),
        new("i_string_invalid_surrogate.json", "RPT015 TypeMismatch", @"read as ""\uFFFDabc""", "read", null),
        new("i_string_invalid_utf-8.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_inverted_surrogates_U+1D11E.json", "RPT015 TypeMismatch", @"read as ""\uFFFD\uFFFD""", "read", null),
        new("i_string_iso_latin_1.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_lone_second_surrogate.json", "RPT015 TypeMismatch", @"read as ""\uFFFD""", "read", null),
        new("i_string_lone_utf8_continuation_byte.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_not_in_unicode_range.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_overlong_sequence_2_bytes.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_overlong_sequence_6_bytes.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_overlong_sequence_6_bytes_null.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_truncated-utf-8.json", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", "RPT003 UnsupportedEncoding", null),
        new("i_string_utf16BE_no_BOM.json", "RPT003 UnsupportedEncoding", null, "RPT003 UnsupportedEncoding", null),
        new("i_string_utf16LE_no_BOM.json", "RPT003 UnsupportedEncoding", null, "RPT003 UnsupportedEncoding", null),
        new("i_structure_500_nested_arrays.json", "RPT015 TypeMismatch", "RPT015 TypeMismatch", "RPT010 MalformedJson", null),
        new("i_structure_UTF-8_BOM_empty_object.json", "RPT010 MalformedJson", null, "RPT010 MalformedJson", null),
    ];

    public static void AssertPinned(Placement placement, string document, string outcome)
    {
        var row = Table.SingleOrDefault(r => r.Document == document);
        Assert.True(row is not null, $"{document} is not in the table of pinned i_ outcomes; {placement}: {outcome}");
        Assert.Equal(row[placement], outcome);
    }

    /// <summary>A string as a reader read it, every character outside printable ASCII (and quote, backslash) as a \u escape.</summary>
    public static string Escaped(string text)
    {
        var escaped = new StringBuilder("\"");
        foreach (var c in text)
        {
            escaped.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return escaped.Append('"').ToString();
    }

    /// <summary>One document's outcomes: "read", "read as VALUE", or the error's code and kind ("RPT003 UnsupportedEncoding").</summary>
    public sealed record Row(string Document, string WholeLine, string? StringValue, string UnknownField, string? Activation)
    {
        public string? this[Placement placement] => placement switch
        {
            Placement.WholeLine => WholeLine,
            Placement.StringValue => StringValue,
            Placement.UnknownField => UnknownField,
            Placement.Activation => Activation,
            _ => throw new ArgumentOutOfRangeException(nameof(placement)),
        };
    }
}
