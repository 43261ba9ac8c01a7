namespace Reports.Build.Tests;

/// <summary>
/// Every kind of bad input through the <c>reports</c> command, which prints the build's canonical format: the error
/// at its file and line, exit code 1, and the previous report untouched. And what is not bad: a BOM and CRLF.
/// </summary>
public sealed class BadInputCommandTests
{
    public static TheoryData<string> Corruptions =>
        ["MalformedJson", "BadCsvQuote", "MissingCsvColumn", "TextForNumber", "NaNActivation", "InfiniteActivation", "EmptyFile", "Utf16"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void BadInput_ExitsOne_AtItsLine_AndKeepsThePreviousReport(string kind)
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, prompts, outDirectory) = GoodData(temp.Path, "data");
        var good = CommandRun.Build(descriptions, prompts, outDirectory);
        Assert.True(good.ExitCode == 0, good.ToString());
        var previous = OutputSnapshot.Of(good.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var corruption = kind switch
        {
            "MalformedJson" => InputCorruptor.MalformedJson(prompts),
            "BadCsvQuote" => InputCorruptor.BadCsvQuote(descriptions),
            "MissingCsvColumn" => InputCorruptor.MissingCsvColumn(descriptions),
            "TextForNumber" => InputCorruptor.TextForNumber(prompts),
            "NaNActivation" => InputCorruptor.NaNActivation(prompts),
            "InfiniteActivation" => InputCorruptor.InfiniteActivation(prompts),
            "EmptyFile" => InputCorruptor.EmptyFile(prompts),
            _ => InputCorruptor.Utf16(descriptions),
        };
        var bad = CommandRun.Build(descriptions, prompts, outDirectory);

        Assert.True(bad.ExitCode == 1, bad.ToString());
        Assert.Equal("", bad.Output);
        DiagnosticAssert.HasError(bad.Error, corruption);
        previous.AssertUnchanged();
    }

    [Fact]
    public void Utf8BomAndCrlf_AreAccepted_AndGiveTheSameAggregate()
    {
        using var temp = new TemporaryDirectory();
        var (cleanDescriptions, cleanPrompts, cleanOut) = GoodData(temp.Path, "clean");
        var (descriptions, prompts, outDirectory) = GoodData(temp.Path, "windows");
        InputCorruptor.Utf8BomAndCrlf(descriptions);
        InputCorruptor.Utf8BomAndCrlf(prompts);
        Assert.NotEqual(File.ReadAllBytes(cleanPrompts), File.ReadAllBytes(prompts));

        var clean = CommandRun.Build(cleanDescriptions, cleanPrompts, cleanOut, "--no-render");
        var windows = CommandRun.Build(descriptions, prompts, outDirectory, "--no-render");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.True(windows.ExitCode == 0, windows.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(cleanOut, "aggregate.csv")), File.ReadAllBytes(Path.Combine(outDirectory, "aggregate.csv")));
    }

    private static (string Descriptions, string Prompts, string OutDirectory) GoodData(string root, string name)
    {
        var descriptions = Path.Combine(root, name, "personal_general_desc.csv");
        var prompts = Path.Combine(root, name, "personal_general_prompts.jsonl");
        ReportProject.WriteData(Path.Combine(root, name + "-scratch"), descriptions, prompts);
        return (descriptions, prompts, Path.Combine(root, name + "-out"));
    }
}
