using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Reports.Analysis.Diagnostics;
using Reports.Cli;
using Reports.Pipeline;
using Reports.Pipeline.Diagnostics;

namespace Reports.Build.Tests;

/// <summary>
/// README.md held to what it describes, as Sep's ReadMeTest holds its README: the tables of codes, options and
/// outputs, the <c>reports</c> command line and the code blocks name exactly what exists. A code, option, item
/// metadata or output added, renamed or dropped fails here until the README (and docs/errors.md) follows.
/// </summary>
public sealed partial class ReadMeTests
{
    private static readonly string Root = TestEnvironment.RepositoryRoot;

    [Fact]
    public void ErrorsTable_ListsExactlyTheDiagnosticCodes()
    {
        var listed = FirstCells(Section(ReadMe(), "## Errors")).Where(cell => CodeCell().IsMatch(cell)).ToList();

        Assert.Equal(DiagnosticCodeValues(), Sorted(listed));
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ErrorsPage_ListsExactlyTheDiagnosticCodes()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "errors.md"));
        var listed = FirstCells(Section(page, "## Errors")).Concat(FirstCells(Section(page, "## Warnings")))
            .Where(cell => CodeCell().IsMatch(cell)).ToList();

        Assert.Equal(DiagnosticCodeValues(), Sorted(listed));
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void TargetsReportOnlyDefinedCodes()
    {
        var codes = DiagnosticCodeValues();
        var reported = Targets().Descendants("Error").Select(e => (string?)e.Attribute("Code")).ToList();

        Assert.NotEmpty(reported);
        Assert.All(reported, code => Assert.Contains(code, codes));
    }

    [Fact]
    public void OptionsTable_ListsExactlyTheMetadataTheTargetsRead()
    {
        Assert.Equal(Sorted(TargetsMetadata()), Sorted(ReadMeMetadata()));
    }

    [Fact]
    public void OptionsTable_EveryMetadataReachesTheCommandAsAnOptionItAccepts()
    {
        var optionOf = TargetsOptionOfMetadata();
        var buildOptions = HelpBuildOptions();

        foreach (var metadata in ReadMeMetadata())
        {
            Assert.True(optionOf.TryGetValue(metadata, out var option), $"the targets pass %({metadata}) to the command as no option");
            Assert.Contains(option, buildOptions);

            // README: "An option means what the metadata of its name means (`--no-render` is `Render="false"`)": the
            // metadata's name in kebab case, but for Render, OutputDirectory (--out, which the README does not spell out)
            // and HistoryDirectory (--history, as the README says).
            var expected = metadata switch
            {
                "Render" => "--no-render",
                "OutputDirectory" => "--out",
                "HistoryDirectory" => "--history",
                _ => "--" + Kebab(metadata),
            };
            Assert.Equal(expected, option);
        }

        Assert.All(optionOf.Values, option => Assert.Contains(option, buildOptions));
    }

    [Fact]
    public void OptionsTable_PropertiesAndEnvironmentExist()
    {
        var rows = TableRows(Section(ReadMe(), "## Options")).ToList();
        var targets = File.ReadAllText(TargetsPath());
        var help = CommandRun.Of("--help").Output;

        Assert.Contains(rows, row => row[1] == "item" && row[0] == "`ActivationReport`" && targets.Contains("@(ActivationReport)", StringComparison.Ordinal));
        foreach (var row in rows.Where(row => row[1] == "property"))
        {
            Assert.Contains($"$({row[0].Trim('`')})", targets, StringComparison.Ordinal);
        }

        foreach (var row in rows.Where(row => row[1] == "environment"))
        {
            Assert.Contains(row[0].Trim('`'), help, StringComparison.Ordinal);
        }

        Assert.All(rows, row => Assert.Contains(row[1].Split(',')[0], new[] { "item", "metadata", "property", "environment" }));
    }

    [Fact]
    public void CommandLine_ListsExactlyTheCommandsOptions()
    {
        var block = ShellBlocks(ReadMe()).Single(b => b.Contains("src/Reports.Cli --", StringComparison.Ordinal));
        var named = Commands(block).SelectMany(line => OptionToken().Matches(ReportsArguments(line)).Select(m => m.Value));

        Assert.Equal(Sorted(HelpOptions()), Sorted(named.Distinct(StringComparer.Ordinal)));
    }

    [Fact]
    public void Help_ListsExactlyTheOptionsTheParserKnows()
    {
        // The parser's options are the string literals "--..." in CommandLine.cs; --help is where they are explained.
        var source = File.ReadAllText(Path.Combine(Root, "src", "Reports.Cli", "CommandLine.cs"));
        var literals = QuotedOption().Matches(source).Select(m => m.Groups["option"].Value).Distinct(StringComparer.Ordinal);

        Assert.Equal(Sorted(literals), Sorted(HelpOptions()));
        foreach (var option in HelpBuildOptions())
        {
            var run = CommandRun.Of("build", option);
            Assert.DoesNotContain($"unknown option '{option}'", run.Error, StringComparison.Ordinal);
        }

        Assert.Contains("unknown option '--no-such-option'", CommandRun.Of("build", "--no-such-option").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputsTable_ListsExactlyTheFilesThePipelineWrites()
    {
        var readMe = ReadMe();
        var files = FirstCells(Section(readMe, "## Outputs")).Select(cell => cell.Trim('`'));
        var renderRow = TableRows(Section(readMe, "## Options")).Single(row => row[0] == "`%(Render)`");
        var dataFiles = BacktickedFileName().Matches(renderRow[2]).Select(m => m.Groups["file"].Value);

        Assert.Equal(Sorted(ReportPipeline.OutputFileNames(render: true)), Sorted(files));
        Assert.Equal(Sorted(ReportPipeline.OutputFileNames(render: false)), Sorted(dataFiles));
    }

    [Fact]
    public void CodeBlocks_NameCommandsOptionsAndMetadataThatExist()
    {
        var readMe = ReadMe();
        var buildOptions = HelpBuildOptions();
        var help = CommandRun.Of("--help").Output;
        var commands = ShellBlocks(readMe).SelectMany(Commands).ToList();

        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(words is ["dotnet", "build" or "test" or "run", ..], $"README runs `{command}`");
            if (words[1] is "build" or "test")
            {
                // At the root, with no project named: the one solution there is what they build and test.
                Assert.Single(Directory.GetFiles(Root), f => f.EndsWith(".sln", StringComparison.Ordinal) || f.EndsWith(".slnx", StringComparison.Ordinal) || f.EndsWith("proj", StringComparison.Ordinal));
                continue;
            }

            var project = words[Array.IndexOf(words, "--project") + 1];
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, project), "*.csproj"));
            var arguments = ReportsArguments(command).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (arguments[0] is "--help" or "--version")
            {
                Assert.Equal(CommandLine.Success, CommandRun.Of(arguments).ExitCode);
                continue;
            }

            Assert.Contains(arguments[0], (string[])["build", "aggregate"]);
            var commandOptions = arguments[0] == "build" ? buildOptions : HelpOptions();
            foreach (var argument in arguments.Skip(1).Select(a => a.Trim('[', ']')))
            {
                if (argument.StartsWith("--", StringComparison.Ordinal))
                {
                    Assert.Contains(argument, commandOptions);
                }
                else if (argument.StartsWith('@'))
                {
                    Assert.Contains("@<file>", help, StringComparison.Ordinal);
                }
            }

            // The values README spells out for an option ("id|category|clustered") are ones its help names.
            foreach (Match choice in OptionChoices().Matches(ReportsArguments(command)))
            {
                var helpOfOption = HelpOf(help, choice.Groups["option"].Value);
                foreach (var value in choice.Groups["values"].Value.Split('|').Where(v => v.All(char.IsAsciiLetterLower)))
                {
                    Assert.Matches($@"\b{value}\b", helpOfOption);
                }
            }
        }

        // The item in the project file: its attributes are metadata of the options table.
        var metadata = ReadMeMetadata();
        var items = CodeBlocks(readMe, "xml").Select(XElement.Parse).SelectMany(x => x.Descendants("ActivationReport")).ToList();
        Assert.NotEmpty(items);
        Assert.All(items.SelectMany(i => i.Attributes()).Where(a => a.Name != "Include"), a => Assert.Contains(a.Name.LocalName, metadata));
    }

    private static string ReadMe() => File.ReadAllText(Path.Combine(Root, "README.md"));

    private static string TargetsPath() => Path.Combine(Root, "src", "Reports.Build", "Reports.Build.targets");

    private static XElement Targets() => XElement.Load(TargetsPath());

    /// <summary>Every code of the tool: the inputs' (Reports.Analysis) and the run's and the targets' (Reports.Pipeline), each once.</summary>
    private static List<string> DiagnosticCodeValues()
    {
        var values = new[] { typeof(DiagnosticCodes), typeof(PipelineDiagnosticCodes) }
            .SelectMany(codes => codes.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(values);
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        return Sorted(values);
    }

    /// <summary>The <c>%(Name)</c> rows of README's options table.</summary>
    private static List<string> ReadMeMetadata() =>
        TableRows(Section(ReadMe(), "## Options"))
            .Where(row => row[1].StartsWith("metadata", StringComparison.Ordinal))
            .Select(row => MetadataCell().Match(row[0]) is { Success: true } m ? m.Groups["name"].Value : throw new Xunit.Sdk.XunitException($"a metadata row names {row[0]}"))
            .ToList();

    /// <summary>The item metadata the targets read of an <c>ActivationReport</c> item, without what they derive from it.</summary>
    private static List<string> TargetsMetadata()
    {
        var targets = Targets();
        var derived = DerivedMetadata(targets).Keys.ToHashSet(StringComparer.Ordinal);
        return MetadataReference().Matches(targets.ToString(SaveOptions.DisableFormatting))
            .Select(m => m.Groups["name"].Value)
            .Where(name => !derived.Contains(name) && !WellKnownMetadata.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Metadata the targets set on their own copy of the items (FullDescriptions, ...), with what each is made of.</summary>
    private static Dictionary<string, string> DerivedMetadata(XElement targets) =>
        targets.Descendants("_ActivationReport").SelectMany(update => update.Elements())
            .GroupBy(e => e.Name.LocalName)
            .ToDictionary(g => g.Key, g => string.Concat(g.Select(e => e.Value)), StringComparer.Ordinal);

    /// <summary>Which option each item metadata becomes, read from the response file's lines the targets write.</summary>
    private static Dictionary<string, string> TargetsOptionOfMetadata()
    {
        var targets = Targets();
        var derived = DerivedMetadata(targets);
        var optionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in targets.Descendants("_ActivationReportArgument").Where(a => a.Attribute("Include") is not null))
        {
            var include = (string)argument.Attribute("Include")!;
            var option = QuotedTransformOption().Match(include).Groups["option"].Value;
            Assert.False(string.IsNullOrEmpty(option), $"an argument without an option: {include}");
            var from = MetadataReference().Matches(include + " " + (string?)argument.Attribute("Condition"))
                .Select(m => m.Groups["name"].Value)
                .SelectMany(name => derived.TryGetValue(name, out var value) ? MetadataReference().Matches(value).Select(m => m.Groups["name"].Value) : [name])
                .Where(name => !WellKnownMetadata.Contains(name))
                .Distinct(StringComparer.Ordinal);
            foreach (var metadata in from)
            {
                optionOf.Add(metadata, option);
            }
        }

        return optionOf;
    }

    private static readonly HashSet<string> WellKnownMetadata = new(StringComparer.Ordinal)
    {
        "Identity", "FullPath", "RootDir", "Filename", "Extension", "RelativeDir", "Directory", "RecursiveDir",
        "ModifiedTime", "CreatedTime", "AccessedTime", "DefiningProjectFullPath",
    };

    /// <summary>Every option <c>reports --help</c> names (top-level and <c>build</c>'s).</summary>
    private static List<string> HelpOptions() =>
        OptionToken().Matches(CommandRun.Of("--help").Output).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The options <c>reports --help</c> lists under "Options of `build`", one a line.</summary>
    private static List<string> HelpBuildOptions()
    {
        var help = CommandRun.Of("--help").Output;
        var section = help[help.IndexOf("Options of `build`:", StringComparison.Ordinal)..];
        var options = HelpOptionLine().Matches(section).Select(m => m.Groups["option"].Value).ToList();
        Assert.NotEmpty(options);
        return options;
    }

    /// <summary>An option's entry in the help, up to the next option.</summary>
    private static string HelpOf(string help, string option)
    {
        var start = HelpOptionLine().Matches(help).Single(m => m.Groups["option"].Value == option);
        var next = start.NextMatch();
        return help[start.Index..(next.Success ? next.Index : help.Length)];
    }

    /// <summary>The part of a <c>dotnet run --project ... -- args</c> line that the command gets.</summary>
    private static string ReportsArguments(string command)
    {
        var separator = command.IndexOf(" -- ", StringComparison.Ordinal);
        return separator < 0 ? "" : command[(separator + 4)..];
    }

    /// <summary>From a heading to the next heading of its level.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        var end = markdown.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    /// <summary>The body rows of the tables in a section, cell by cell (header and separator rows left out).</summary>
    private static IEnumerable<string[]> TableRows(string section)
    {
        var lines = section.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var isRow = lines[i].StartsWith('|');
            var isHeader = isRow && i + 1 < lines.Length && lines[i + 1].StartsWith("| -", StringComparison.Ordinal);
            if (isRow && !isHeader && !lines[i].StartsWith("| -", StringComparison.Ordinal))
            {
                yield return lines[i].Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            }
        }
    }

    private static IEnumerable<string> FirstCells(string section) => TableRows(section).Select(row => row[0]);

    private static IEnumerable<string> CodeBlocks(string markdown, string language) =>
        FencedBlock().Matches(markdown).Where(m => m.Groups["language"].Value == language).Select(m => m.Groups["body"].Value);

    private static IEnumerable<string> ShellBlocks(string markdown) => CodeBlocks(markdown, "sh");

    /// <summary>A block's commands: continuation lines joined, comments dropped.</summary>
    private static IEnumerable<string> Commands(string block) =>
        block.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => ShellComment().Replace(line, "").Trim())
            .Where(line => line.Length > 0);

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    private static string Kebab(string name) => PascalBoundary().Replace(name, "-$1").ToLowerInvariant();

    [GeneratedRegex(@"^RPT\d{3}$")]
    private static partial Regex CodeCell();

    [GeneratedRegex(@"^`%\((?<name>\w+)\)`$")]
    private static partial Regex MetadataCell();

    [GeneratedRegex(@"%\((?:_?ActivationReport\.)?(?<name>[A-Za-z]+)\)")]
    private static partial Regex MetadataReference();

    [GeneratedRegex(@"->'(?<option>--[a-z][a-z-]*)'")]
    private static partial Regex QuotedTransformOption();

    [GeneratedRegex(@"""(?<option>--[a-z][a-z-]*)""")]
    private static partial Regex QuotedOption();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionToken();

    [GeneratedRegex(@"^  (?:-\w, )?(?<option>--[a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex HelpOptionLine();

    [GeneratedRegex(@"\[(?<option>--[a-z][a-z-]*) (?<values>[^\]\s]+\|[^\]\s]+)\]")]
    private static partial Regex OptionChoices();

    [GeneratedRegex(@"`(?<file>[a-z]+\.[a-z]+)`")]
    private static partial Regex BacktickedFileName();

    [GeneratedRegex(@"```(?<language>\w*)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"(^|\s)#.*$")]
    private static partial Regex ShellComment();

    [GeneratedRegex(@"(?<=[a-z])([A-Z])")]
    private static partial Regex PascalBoundary();
}
