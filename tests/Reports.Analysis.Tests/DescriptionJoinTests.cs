using Reports.Analysis.Diagnostics;
using Reports.Analysis.Reading;
using Reports.DataGen;

namespace Reports.Analysis.Tests;

public sealed class DescriptionJoinTests
{
    [Fact]
    public void A_feature_without_a_description_row_is_reported_and_kept()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 50, Seed = 9, DescribedFraction = 0.8 }, directory);
        var described = File.ReadLines(files.DescriptionsPath).Count(l => l.Length > 0 && char.IsAsciiDigit(l[0]));

        var analysis = ActivationAnalyzer.Analyze(files.DescriptionsPath, files.PromptsPath);

        var undescribed = analysis.Features.Where(f => !f.HasDescription).ToArray();
        Assert.Equal(50, analysis.Features.Count);
        Assert.NotEmpty(undescribed);
        Assert.All(undescribed, f => Assert.True(f.HasPrompts));
        var warnings = analysis.Warnings.Where(w => w.Code == DiagnosticCodes.FeatureWithoutDescription).ToArray();
        Assert.Equal(undescribed.Select(f => f.FeatureId), warnings.Select(w => long.Parse(w.Message.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(warnings, w => Assert.Equal(files.PromptsPath, w.File));
        Assert.All(warnings, w => Assert.True(w.Line > 0));
    }

    [Fact]
    public void When_both_files_are_bad_the_descriptions_error_is_the_one_reported_though_they_are_read_side_by_side()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 40, Seed = 4 }, TestData.NewTemporaryDirectory());
        var descriptions = File.ReadAllLines(files.DescriptionsPath);
        descriptions[3] = descriptions[3].Replace(",", ",\"x\"y,", StringComparison.Ordinal); // a quote inside a field: RPT011
        File.WriteAllLines(files.DescriptionsPath, descriptions);
        var prompts = File.ReadAllLines(files.PromptsPath);
        prompts[0] = prompts[0][..^1]; // the first record cut short: broken JSON
        File.WriteAllLines(files.PromptsPath, prompts);

        var error = Assert.Throws<Reports.Schema.SchemaDataException>(() => ActivationAnalyzer.Analyze(files.DescriptionsPath, files.PromptsPath));

        Assert.Equal(files.DescriptionsPath, error.FilePath);
        Assert.Equal(4, error.Line);
        Assert.Throws<Reports.Schema.SchemaDataException>(() => ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath));
    }

    [Fact]
    public void A_description_without_prompts_is_listed_but_has_no_heatmap_column()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 10, Seed = 3 }, directory);
        var lines = File.ReadAllLines(files.PromptsPath);
        File.WriteAllLines(files.PromptsPath, lines[1..]);

        var analysis = ActivationAnalyzer.Analyze(files.DescriptionsPath, files.PromptsPath);

        Assert.Equal(10, analysis.Features.Count);
        Assert.Equal(9, analysis.HeatmapFeatures.Count());
        var warning = Assert.Single(analysis.Warnings, w => w.Code == DiagnosticCodes.DescriptionWithoutPrompts);
        Assert.Equal(files.DescriptionsPath, warning.File);
        Assert.Equal(2, warning.Line);
    }

    [Fact]
    public void A_feature_described_twice_is_an_error_at_the_second_row()
    {
        var directory = TestData.NewTemporaryDirectory();
        var files = DataSetWriter.Write(new DataSetOptions { Features = 3, Seed = 3 }, directory);
        var rows = File.ReadAllText(files.DescriptionsPath);
        var firstRowEnd = rows.IndexOf('\n', StringComparison.Ordinal);
        var header = rows[..(firstRowEnd + 1)];
        File.WriteAllText(files.DescriptionsPath, header + "1,1.0,2.0,0.5,1.0,0.1,a,b,personal,s,t,1,https://x,c,d,e\n1,1.0,2.0,0.5,1.0,0.1,a,b,personal,s,t,1,https://x,c,d,e\n");

        var exception = Assert.Throws<ReportInputException>(() => ActivationAnalyzer.ReadDescriptions(files.DescriptionsPath));

        Assert.Equal(DiagnosticCodes.DuplicateDescription, exception.Diagnostic.Code);
        Assert.Equal(3, exception.Diagnostic.Line);
    }
}
