namespace Reports.Build.Tests;

/// <summary>
/// Bad inputs through the real <c>dotnet build</c>: the error is located in MSBuild's format, the build fails, and the
/// report of the previous good build survives byte for byte. (The remaining kinds go through the command, which is cheaper.)
/// </summary>
public sealed class BadInputBuildTests
{
    public static TheoryData<string> Corruptions => ["MalformedJson", "BadCsvQuote", "MissingCsvColumn"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void BadInput_FailsTheBuild_AtItsLine_AndKeepsThePreviousReport(string kind)
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        var good = project.Build();
        Assert.True(good.ExitCode == 0, good.ToString());
        var previous = OutputSnapshot.Of(project.ExpectedOutputs());

        var corruption = kind switch
        {
            "MalformedJson" => InputCorruptor.MalformedJson(project.PromptsPath),
            "BadCsvQuote" => InputCorruptor.BadCsvQuote(project.DescriptionsPath),
            _ => InputCorruptor.MissingCsvColumn(project.DescriptionsPath),
        };
        var bad = project.Build();

        Assert.True(bad.ExitCode != 0, bad.ToString());
        DiagnosticAssert.HasError(bad.Output, corruption);
        // One error per cause: the located one, not a second RPT043 saying the command failed.
        Assert.DoesNotContain("RPT043", bad.Output, StringComparison.Ordinal);
        Assert.Single(bad.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct());
        Assert.DoesNotContain("MSB3073", bad.Output, StringComparison.Ordinal);
        previous.AssertUnchanged();
    }
}
