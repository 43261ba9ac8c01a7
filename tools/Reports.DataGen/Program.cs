using System.Globalization;
using Reports.DataGen;

// dotnet run --project tools/Reports.DataGen -- --out DIR [--features N] [--prompts-per-feature N] [--tokens-per-prompt N] [--seed N] [--described-fraction F] [--style S] [--text T]
var options = new DataSetOptions();
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "-h" or "--help":
            Console.WriteLine("Reports.DataGen: writes a seeded SAE analysis data set (personal_general_desc.csv, personal_general_prompts.jsonl).");
            Console.WriteLine("  --out DIR                  output directory (required)");
            Console.WriteLine("  --features N               number of features (default 19)");
            Console.WriteLine("  --prompts-per-feature N    mean active prompts per feature (default 18)");
            Console.WriteLine("  --tokens-per-prompt N      mean tokenized_prompt length (default 12)");
            Console.WriteLine("  --seed N                   random seed (default 42)");
            Console.WriteLine("  --described-fraction F     fraction of features with a description row (default 1.0)");
            Console.WriteLine("  --style S                  how the JSONL is written: compact (default), json-dumps, json-dumps-unicode, pandas");
            Console.WriteLine("  --text T                   latin (default) or multilingual (code, CJK, RTL, Indic, Thai, emoji, byte-fallback tokens)");
            return 0;
        case "--out": output = Value(); break;
        case "--features": options = options with { Features = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--prompts-per-feature": options = options with { PromptsPerFeature = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--tokens-per-prompt": options = options with { TokensPerPrompt = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--seed": options = options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--described-fraction": options = options with { DescribedFraction = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
        case "--style": options = options with { Style = WriterStyles.Parse(Value()) }; break;
        case "--text": options = options with { Text = TextMixes.Parse(Value()) }; break;
        default:
            Console.Error.WriteLine($"unknown option '{args[i]}'; try --help");
            return 2;
    }
}

if (output is null)
{
    Console.Error.WriteLine("--out is required; try --help");
    return 2;
}

var files = DataSetWriter.Write(options, output);
Console.WriteLine(files.DescriptionsPath);
Console.WriteLine(files.PromptsPath);
return 0;
