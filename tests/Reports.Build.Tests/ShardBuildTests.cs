using Reports.Tests;

namespace Reports.Build.Tests;

/// <summary>An ActivationReport item of shards, by a pattern in its Prompts, and one of partial aggregates, in its Partials.</summary>
public sealed class ShardBuildTests
{
    private const string BuiltCompletely = "Building target \"_GenerateActivationReport\" completely.";

    [Fact]
    public void Prompts_patterns_and_Partials_build_the_same_report_and_a_changed_shard_rebuilds_it()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        var shards = Shards.Split(project.PromptsPath, Path.Combine(project.Directory, "data", "shards"), 3, spreadLine: 2);
        var gzip = Shards.Compressed([shards[1]], ShardCompression.Gzip)[0];
        File.Delete(shards[1]);
        var partials = Path.Combine(project.Directory, "partials");
        foreach (var shard in new[] { shards[0], gzip, shards[2] })
        {
            var run = CommandRun.Of("aggregate", "--prompts", shard, "--out", Path.Combine(partials, Path.GetFileName(shard) + ".partial.jsonl.gz"));
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        project.WriteProjectFile("""
                <ActivationReport Include="direct" Descriptions="data/personal_general_desc.csv" Prompts="data/shards/*.jsonl;data/shards/*.gz" OutputDirectory="out/direct" Render="false" />
                <ActivationReport Include="merged" Descriptions="data/personal_general_desc.csv" Partials="partials/*.partial.jsonl.gz" OutputDirectory="out/merged" Render="false" />
            """);

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (var file in new[] { "aggregate.csv", "tokens.csv", "features.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(project.OutputDirectory, "direct", file)), File.ReadAllBytes(Path.Combine(project.OutputDirectory, "merged", file)));
        }

        // The wildcards are expanded for the up-to-date check: a shard written again makes the report again.
        File.SetLastWriteTimeUtc(gzip, DateTime.UtcNow);
        var again = project.Build("-v:d");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(BuiltCompletely, again.Output, StringComparison.Ordinal);
        Assert.Contains($"Input file \"{gzip}\" is newer than output file", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_matches_nothing_fails_the_build_naming_it()
    {
        using var temp = new TemporaryDirectory();
        var project = ReportProject.Create(temp.Path);
        project.WriteProjectFile("""
                <ActivationReport Include="direct" Descriptions="data/personal_general_desc.csv" Prompts="data/shards/*.zst" Render="false" />
            """);

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error RPT001: expected the pattern 'data/shards/*.zst' to match prompts files, found none", build.Output, StringComparison.Ordinal);
    }
}
