using System.IO.Compression;
using Reports.DataGen;
using Reports.Tests;

namespace Reports.Build.Tests;

/// <summary>
/// deploy/dask/run.py on a real local Dask cluster (Debian's python3-distributed, which .ci/run installs; without it the
/// script exits 2 saying so, and these tests fail): the map step on the workers, the merge by the command built here.
/// </summary>
public sealed class DaskRunTests
{
    private static readonly string Script = Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "dask", "run.py");

    /// <summary>
    /// A generated set as three shards as GPU jobs leave them: plain, .gz and .zst, one feature's record repeated in the
    /// later two; returns the descriptions and the shards' folder (holding the shards only).
    /// </summary>
    private static (string Descriptions, string Shards) ShardedSet(string directory, int seed)
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 120, PromptsPerFeature = 12, Seed = seed, Style = WriterStyle.JsonDumps }, directory);
        var plain = Shards.Split(files.PromptsPath, Path.Combine(directory, "shards"), 3, spreadLine: 7);
        Shards.Compressed([plain[1]], ShardCompression.Gzip);
        Shards.Compressed([plain[2]], ShardCompression.Zstandard);
        File.Delete(plain[1]);
        File.Delete(plain[2]);
        return (files.DescriptionsPath, Path.GetDirectoryName(plain[0])!);
    }

    private static ProcessResult RunScript(string workingDirectory, params IEnumerable<string> arguments) =>
        ProcessRunner.Run("/usr/bin/python3", [Script, "--local-workers", "2", "--reports", $"dotnet \"{TestEnvironment.ReportsCommandAssembly}\"", .. arguments],
            workingDirectory, TimeSpan.FromMinutes(5), DotnetCli.Variables);

    /// <param name="shardsPerTask">Shards aggregated by one task.</param>
    /// <param name="onWorkers">With --shards-on-workers: the workers list the shards, each task is pinned to the machine
    /// that listed its shards (here the one machine), and the partials come back to the client as bytes.</param>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    public void LocalCluster_WritesTheDataFilesOfADirectBuild(int shardsPerTask, bool onWorkers)
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, shards) = ShardedSet(temp.Path, 41);
        var direct = Path.Combine(temp.Path, "direct");
        // The command the workers run, with their environment (SOURCE_DATE_EPOCH, stated in summary.md).
        var directRun = DotnetCli.Run(temp.Path, TestEnvironment.ReportsCommandAssembly, "build", "--descriptions", descriptions,
            "--prompts", Path.Combine(shards, "*"), "--out", direct, "--name", "sharded", "--no-render");
        Assert.True(directRun.ExitCode == 0, directRun.ToString());
        var outDirectory = Path.Combine(temp.Path, "dask");

        string[] where = onWorkers ? ["--shards-on-workers"] : [];
        var run = RunScript(temp.Path, ["--descriptions", descriptions, "--prompts", Path.Combine(shards, "*"), "--out", outDirectory,
            "--shards-per-task", $"{shardsPerTask}", "--name", "sharded", "--no-render", .. where]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((3 + shardsPerTask - 1) / shardsPerTask, Directory.GetFiles(Path.Combine(outDirectory, "partials"), "part-*.partial.jsonl.gz").Length);
        // The spread feature is merged across shards, as the direct build merges it.
        Assert.Contains("warning RPT104", run.Output, StringComparison.Ordinal);
        // Every data file, summary.json's list of the shards and their hashes included, as the workers read them.
        foreach (var file in new[] { "aggregate.csv", "tokens.csv", "features.csv", "summary.json", "summary.md" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(direct, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(outDirectory, file))),
                $"{file} differs from the direct build's\n{run}");
        }
    }

    [Fact]
    public void LocalCluster_ShardWithABadLine_FailsWithItsLocatedError()
    {
        using var temp = new TemporaryDirectory();
        var (descriptions, shards) = ShardedSet(temp.Path, 42);
        var bad = Directory.GetFiles(shards, "*.gz").Single();
        string[] lines;
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(bad), CompressionMode.Decompress)))
        {
            lines = reader.ReadToEnd().Split('\n');
        }

        lines[3] = """{"feature_id": 12, "token": oops}""";
        Shards.Write(bad, string.Join('\n', lines), ShardCompression.Gzip);
        var outDirectory = Path.Combine(temp.Path, "dask");

        var run = RunScript(temp.Path, "--descriptions", descriptions, "--prompts", Path.Combine(shards, "*"), "--out", outDirectory, "--no-render");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{bad}(4,29): error RPT010: ", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDirectory, "aggregate.csv")), run.ToString());
    }
}
