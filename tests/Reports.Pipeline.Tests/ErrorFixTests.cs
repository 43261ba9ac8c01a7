using System.Text;

namespace Reports.Pipeline.Tests;

/// <summary>
/// Every error of the data says, after what is wrong and where, how to put it right: one bad input per code, run
/// through the pipeline as a build runs it, and one error for it.
/// </summary>
public sealed class ErrorFixTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "RPT001", "missing prompts file", "check the path in the item's Descriptions or Prompts" },
        { "RPT002", "empty prompts file", "write the data to it" },
        { "RPT003", "0xFF in a prompt text", "save the file as UTF-8" },
        { "RPT010", "a line cut short", "the line looks cut short" },
        { "RPT010", "a colon missing", "each line must be one JSON object, as json.dumps(record)" },
        { "RPT011", "text after a closing quote", "double the quotes inside it, as pandas' to_csv does" },
        { "RPT012", "a column renamed", "restore the column; if the data's shape changed on purpose, paste its new header and a few rows into the schema sample personal_general_desc.csv" },
        { "RPT013", "a row with a field too many", "give every row the header's columns" },
        { "RPT014", "a prompt without its label", "leave it out of one line of the schema sample personal_general_prompts.jsonl too" },
        { "RPT015", "an activation written as text", "update the schema sample personal_general_prompts.jsonl (or its Types metadata)" },
        { "RPT016", "NaN as an activation", "write null for a missing number" },
        { "RPT016", "a feature_id written as nan", "drop such rows (pandas: df.dropna(subset=[\"feature_id\"]))" },
        { "RPT017", "a column named twice", "rename or drop one of the two columns" },
        { "RPT018", "a feature described twice", "keep one row per feature (pandas: df.drop_duplicates(\"feature_id\"))" },
        { "RPT019", "a field given twice", "keep one of the two values" },
        { "RPT020", "a line past the limit", "raise the limit with MaxLineLength" },
        { "RPT030", "a file where the output directory goes", "check that the output directory can be made there" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_error_names_its_fix(string code, string input, string fix)
    {
        var directory = TestData.NewTemporaryDirectory();
        var descriptions = Path.Combine(directory, "desc.csv");
        var prompts = Path.Combine(directory, "prompts.jsonl");
        var output = Path.Combine(directory, "out");
        File.Copy(TestData.DemoDescriptions, descriptions);
        File.Copy(TestData.DemoPrompts, prompts);
        var maxLineLength = Reports.Schema.ReaderLimits.DefaultMaxLineLength;
        var csv = File.ReadAllLines(descriptions, Encoding.UTF8);
        var jsonl = File.ReadAllLines(prompts, Encoding.UTF8);
        switch (input)
        {
            case "missing prompts file": File.Delete(prompts); break;
            case "empty prompts file": File.WriteAllText(prompts, ""); break;
            case "0xFF in a prompt text": File.WriteAllBytes(prompts, [.. Encoding.UTF8.GetBytes(jsonl[0][..200]), 0xFF, .. Encoding.UTF8.GetBytes(jsonl[0][200..] + "\n")]); break;
            case "a line cut short": File.WriteAllText(prompts, jsonl[0] + "\n" + jsonl[1][..(jsonl[1].Length / 2)]); break;
            case "a colon missing": File.WriteAllText(prompts, jsonl[0].Replace("\"feature_id\":", "\"feature_id\" ", StringComparison.Ordinal) + "\n"); break;
            case "text after a closing quote": csv[2] = "\"" + csv[2].Replace(",", "\"x,", StringComparison.Ordinal); File.WriteAllLines(descriptions, csv); break;
            case "a column renamed": csv[0] = csv[0].Replace("num_prompts", "prompt_total", StringComparison.Ordinal); File.WriteAllLines(descriptions, csv); break;
            case "a row with a field too many": csv[^1] += ",extra"; File.WriteAllLines(descriptions, csv); break;
            case "a prompt without its label": File.WriteAllText(prompts, jsonl[0].Replace("\"prompt_label\":", "\"label\":", StringComparison.Ordinal) + "\n"); break;
            case "an activation written as text": File.WriteAllText(prompts, jsonl[0].Replace("\"prompt_feature_activation\":", "\"prompt_feature_activation\":\"high\",\"x\":", StringComparison.Ordinal) + "\n"); break;
            case "NaN as an activation": File.WriteAllText(prompts, jsonl[0].Replace("\"prompt_feature_activation\":", "\"prompt_feature_activation\":NaN,\"x\":", StringComparison.Ordinal) + "\n"); break;
            case "a feature_id written as nan": csv[1] = "nan" + csv[1][csv[1].IndexOf(',', StringComparison.Ordinal)..]; File.WriteAllLines(descriptions, csv); break;
            case "a column named twice": csv[0] = csv[0].Replace("pt_desc", "chat_desc", StringComparison.Ordinal); File.WriteAllLines(descriptions, csv); break;
            case "a feature described twice": File.WriteAllLines(descriptions, [.. csv, csv[1]]); break;
            case "a field given twice": File.WriteAllText(prompts, jsonl[0].Replace("{\"feature_id\":", "{\"feature_id\":1,\"feature_id\":", StringComparison.Ordinal) + "\n"); break;
            case "a line past the limit": maxLineLength = 100; break;
            default: File.WriteAllText(output, "a file, not a directory"); output = Path.Combine(output, "report"); break;
        }

        var log = new CollectingLog();
        var outcome = ReportPipeline.Run(new ReportRequest { Name = "fix", DescriptionsPath = descriptions, PromptsPath = prompts, OutputDirectory = output, Render = false, MaxLineLength = maxLineLength }, log);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(log.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
    }
}
