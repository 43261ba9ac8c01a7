using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Reports.Schema.Tests;

/// <summary>
/// The JSON shape emitted per object of a JSONL sample (<c>XxxJson</c>): its fields in the sample's order, their names
/// and required flags, and the parse of one nested object on its own, whose errors are the whole-line reader's.
/// </summary>
public sealed class JsonShapeTests
{
    [Fact]
    public void Each_object_has_its_fields_in_the_samples_order_with_their_names_and_which_are_required()
    {
        // "a" is missing from the second line and "m" null in the first: optional. The order is the order seen first.
        var sample = new Sample("r.jsonl", """
            {"b": 1, "a": "x", "items": [{"n": 1, "m": null}]}
            {"b": 2, "items": [{"m": 2.5, "n": 3}]}
            """, "R");
        var probe = Probe(sample, """
            public static string Shape() =>
                Describe(RJson.Count, RJson.Required, f => RJson.Name(f).ToArray(), (byte[] n, out RJson.Field f) => RJson.TryFind(n, out f))
                + " | " + Describe(ItemJson.Count, ItemJson.Required, f => ItemJson.Name(f).ToArray(), (byte[] n, out ItemJson.Field f) => ItemJson.TryFind(n, out f));

            private delegate bool Find<T>(byte[] name, out T field);

            private static string Describe<T>(int count, ulong required, Func<T, byte[]> name, Find<T> find) where T : struct, Enum
            {
                var fields = Enum.GetValues<T>();
                if (fields.Length != count || find("none"u8.ToArray(), out _))
                {
                    return "wrong count or found a field the sample lacks";
                }

                return string.Join(" ", fields.Select(f =>
                {
                    var text = Encoding.UTF8.GetString(name(f));
                    var found = find(name(f), out var back) && back.Equals(f);
                    return $"{text}:{f}{((required & 1UL << Convert.ToInt32(f)) != 0 ? "" : "?")}{(found ? "" : " not found")}";
                }));
            }
            """);

        Assert.Equal("b:B a:A? items:Items | n:N m:M?", Call(probe, "Shape"));
    }

    public static TheoryData<string> BadPrompts => new()
    {
        """{"prompt_id": 2, "prompt_label": "a", "prompt_feature_activation": "high", "tokenized_prompt": [], "tokens": []}""",
        """{"prompt_id": 2, "prompt_label": "a", "tokenized_prompt": [], "tokens": []}""",
        """{"prompt_id": 2, "prompt_id": 3, "prompt_label": "a", "prompt_feature_activation": 1, "tokenized_prompt": [], "tokens": []}""",
        """{"prompt_id": 2, "prompt_label": "a", "prompt_feature_activation": NaN, "tokenized_prompt": [], "tokens": []}""",
        """{"prompt_id": 2, "prompt_label": "a", "prompt_feature_activation": 1, "tokenized_prompt": [], "tokens": [{"token": "t", "activation": true}]}""",
        """{"prompt_id": 2 "prompt_label": "a", "prompt_feature_activation": 1, "tokenized_prompt": [], "tokens": []}""",
        """{"prompt_id": 2, "prompt_label": "\xFF", "prompt_feature_activation": 1, "tokenized_prompt": [], "tokens": []}""",
    };

    [Theory]
    [MemberData(nameof(BadPrompts))]
    public void A_nested_object_read_on_its_own_fails_as_the_whole_line_does(string badPrompt)
    {
        // Characters of two UTF-16 units and of several UTF-8 bytes before the object: its column is in characters.
        var good = """{"prompt_id": 1, "prompt_label": "Ελλάδα 😀", "prompt_feature_activation": 1.5, "tokenized_prompt": ["▁a"], "tokens": []}""";
        var (line, start, end) = Line(good, badPrompt.Replace("\\xFF", "\uFFFF", StringComparison.Ordinal));
        var probe = Probe(Samples.Records, ParsePrompt);
        var whole = GeneratedReader.Error(probe, "RecordJsonlReader", [.. line, (byte)'\n']);
        var column = Encoding.UTF8.GetString(line, 0, start).Length + 1;

        var part = Call(probe, "Parse", line[start..end], 1L, 1, (long)column);

        Assert.Equal("Samples.Schema.SchemaDataException", part.GetType().FullName);
        Assert.Equal(Located(whole), Located(part));
    }

    [Fact]
    public void A_nested_object_read_on_its_own_is_the_record_the_reader_gives()
    {
        var good = """{"prompt_id": 7, "prompt_label": "Ελλάδα 😀", "prompt_feature_activation": 1.5, "tokenized_prompt": ["▁a", "b"], "tokens": [{"token": "b", "activation": 2}]}""";
        var (line, start, end) = Line(good, good);
        var probe = Probe(Samples.Records, ParsePrompt);
        var record = GeneratedReader.ReadAll(probe, "RecordJsonlReader", [.. line, (byte)'\n']).Single().ActivePrompts[1];

        var prompt = Call(probe, "Parse", line[start..end], 1L, 1, 1L);

        Assert.Equal((long)record.PromptId, (long)prompt.PromptId);
        Assert.Equal((string)record.PromptLabel, (string)prompt.PromptLabel);
        Assert.Equal((IEnumerable<string>)record.TokenizedPrompt, (IEnumerable<string>)prompt.TokenizedPrompt);
        Assert.Equal((double)record.Tokens[0].Activation, (double)prompt.Tokens[0].Activation);
    }

    private const string ParsePrompt = """
        public static object Parse(byte[] json, long line, int index, long column)
        {
            try
            {
                return ActivePromptJson.Parse(json, "data.file", line, index, () => column);
            }
            catch (Samples.Schema.SchemaDataException exception)
            {
                return exception;
            }
        }
        """;

    /// <summary>A record line with two prompts (a U+FFFF in the second stands for a byte that is not UTF-8), and where the second is.</summary>
    private static (byte[] Line, int Start, int End) Line(string first, string second)
    {
        var before = Encoding.UTF8.GetBytes("""{"feature_id": 1, "token": "▁x", "active_prompts": [""" + first + ", ");
        var prompt = Encoding.UTF8.GetBytes(second);
        var bad = prompt.AsSpan().IndexOf("\uFFFF"u8);
        if (bad >= 0)
        {
            prompt = [.. prompt[..bad], 0xFF, .. prompt[(bad + 3)..]];
        }

        return ([.. before, .. prompt, .. "]}"u8], before.Length, before.Length + prompt.Length);
    }

    /// <summary>The sample's generated code compiled with a class Samples.Probe of the given members, which may use its internal types.</summary>
    private static Assembly Probe(Sample sample, string members)
    {
        var code = "using System; using System.Linq; using System.Text;\nnamespace Samples;\npublic static class Probe\n{\n" + members + "\n}\n";
        var compilation = GeneratorRun.NewCompilation("Samples", GeneratorRun.FrameworkReferences, CSharpSyntaxTree.ParseText(code, GeneratorRun.ParseOptions(LanguageVersion.Preview)));
        return GeneratorRun.Run(compilation, sample).Load();
    }

    private static string Located(dynamic error) => $"{error.Kind} at {error.Line}:{error.Column} {error.Field}: expected {error.Expected}, found {error.Found}";

    private static dynamic Call(Assembly probe, string method, params object[] arguments) =>
        probe.GetType("Samples.Probe", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;
}
