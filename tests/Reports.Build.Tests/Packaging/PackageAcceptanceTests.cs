using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using Reports.Tests;

namespace Reports.Build.Tests.Packaging;

/// <summary>
/// Issue 22's acceptance: <c>dotnet pack</c> of the repository into a feed, then the packages used the way a team
/// outside the repository would (a folder of its own, a nuget.config naming the feed and the machine's sources):
/// the ActivationReports package in a new project, the ActivationReports.Tool package installed as a tool.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackageAcceptanceTests
{
    private const string SkippedAsUpToDate = "Skipping target \"_GenerateActivationReport\" because all output files are up-to-date";

    /// <summary>The version every project gets from the root Directory.Build.props, this one included.</summary>
    private static readonly string Version = typeof(PackageAcceptanceTests).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    [Fact]
    public void PackedPackages_BuildReportsOutsideTheRepository_AndInstallTheTool()
    {
        using var temp = new TemporaryDirectory();
        var feed = Path.Combine(temp.Path, "feed");
        var work = Path.Combine(temp.Path, "work");
        Directory.CreateDirectory(work);

        Pack(temp.Path, feed);
        string[] packages =
        [
            $"ActivationReports.{Version}.nupkg", $"ActivationReports.Schema.{Version}.nupkg",
            $"ActivationReports.Tool.{Version}.nupkg",
        ];
        Assert.Equal(packages, Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Packing again gives the same bytes: deterministic builds, and zip entries not dated by the clock.
        var again = Path.Combine(temp.Path, "feed-again");
        Pack(temp.Path, again);
        Assert.All(packages, name => Assert.True(File.ReadAllBytes(Path.Combine(feed, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, name))),
            $"{name} differs between two packs"));
        AssertBuildPackageLayout(Path.Combine(feed, $"ActivationReports.{Version}.nupkg"));
        AssertToolPackageLayout(Path.Combine(feed, $"ActivationReports.Tool.{Version}.nupkg"));
        AssertSchemaPackageLayout(Path.Combine(feed, $"ActivationReports.Schema.{Version}.nupkg"));
        AssertEmbeddedSymbols(Path.Combine(feed, $"ActivationReports.{Version}.nupkg"), "tasks/netstandard2.0/Reports.Build.Tasks.dll", "tools/reports/reports.dll", "tools/reports/Reports.Pipeline.dll");
        AssertEmbeddedSymbols(Path.Combine(feed, $"ActivationReports.Tool.{Version}.nupkg"), "tools/net10.0/any/reports.dll", "tools/net10.0/any/Reports.Analysis.dll");
        AssertEmbeddedSymbols(Path.Combine(feed, $"ActivationReports.Schema.{Version}.nupkg"), "analyzers/dotnet/cs/Reports.Schema.dll");

        WriteNuGetConfig(work, feed);
        var cli = new PackagedCli(Path.Combine(temp.Path, "packages"));
        var demoData = Path.Combine(TestEnvironment.RepositoryRoot, "reports", "personal-general", "data");
        var reference = ReferenceAggregate(Path.Combine(temp.Path, "reference"), demoData);

        // (a) A new project that references the package and declares one report, with no source files.
        var project = Path.Combine(work, "my-report");
        CopyDirectory(demoData, Path.Combine(project, "data"));
        var projectFile = Path.Combine(project, "my-report.csproj");
        File.WriteAllText(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ActivationReports" Version="{Version}" />
                <ActivationReport Include="demo"
                                  Descriptions="data/personal_general_desc.csv"
                                  Prompts="data/personal_general_prompts.jsonl"
                                  Title="Personal Feature Activation by Prompt Category" />
              </ItemGroup>
            </Project>
            """);
        var output = Path.Combine(project, "out") + Path.DirectorySeparatorChar;

        var first = cli.Build(project, projectFile, "-v:n");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("0 Warning(s)", first.Output, StringComparison.Ordinal);
        Assert.Contains($"ActivationReport 'demo' -> {output}: wrote aggregate.csv, summary.json, summary.md, features.csv, heatmap.png, report.html, report.pdf, tokens.csv",
            first.Output, StringComparison.Ordinal);
        foreach (var name in Reports.Pipeline.ReportPipeline.OutputFileNames(true))
        {
            Assert.True(new FileInfo(Path.Combine(output, name)).Length > 0, $"{name} missing or empty after:\n{first}");
        }

        Assert.Equal(reference, File.ReadAllBytes(Path.Combine(output, "aggregate.csv")));
        NotebookMethod.AssertAggregateCsvAgrees(Path.Combine(project, "data", "personal_general_prompts.jsonl"), Path.Combine(output, "aggregate.csv"));
        // Build assets only: nothing of the package is compiled against or copied beside the project's assembly.
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(project, "bin"), "*", SearchOption.AllDirectories).Select(Path.GetFileName),
            name => name!.StartsWith("reports", StringComparison.OrdinalIgnoreCase) || name.Contains("Skia", StringComparison.OrdinalIgnoreCase));

        var second = cli.Build(project, projectFile, "-v:d");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(SkippedAsUpToDate, second.Output, StringComparison.Ordinal);
        Assert.Contains($"ActivationReport 'demo' -> {output}: up to date", second.Output, StringComparison.Ordinal);

        var corruption = InputCorruptor.MalformedJson(Path.Combine(project, "data", "personal_general_prompts.jsonl"));
        var bad = cli.Build(project, projectFile);

        Assert.NotEqual(0, bad.ExitCode);
        DiagnosticAssert.HasError(bad.Output, corruption);

        // (b) The tool, installed from the feed into a folder of its own.
        var tools = Path.Combine(temp.Path, "tools");
        var install = cli.Run(work, "tool", "install", "ActivationReports.Tool", "--version", Version, "--tool-path", tools, "--add-source", feed);
        Assert.True(install.ExitCode == 0, install.ToString());
        var reports = Path.Combine(tools, OperatingSystem.IsWindows() ? "reports.exe" : "reports");

        var version = cli.RunProgram(reports, work, "--version");

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal($"reports {Version}", version.Output.Trim());

        var toolOutput = Path.Combine(work, "tool-out");
        var build = cli.RunProgram(reports, work, "build", "--descriptions", Path.Combine(demoData, "personal_general_desc.csv"),
            "--prompts", Path.Combine(demoData, "personal_general_prompts.jsonl"), "--out", toolOutput, "--name", "demo");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(reference, File.ReadAllBytes(Path.Combine(toolOutput, "aggregate.csv")));
        Assert.True(new FileInfo(Path.Combine(toolOutput, "report.pdf")).Length > 0, build.ToString());

        // (c) The generator on its own, in a console app, for a shape of another kind with quoted text.
        var app = Path.Combine(work, "neurons");
        Directory.CreateDirectory(Path.Combine(app, "samples"));
        File.WriteAllText(Path.Combine(app, "neurons.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ActivationReports.Schema" Version="{Version}" PrivateAssets="all" />
                <AdditionalFiles Include="samples/neurons.csv" RecordName="Neuron" />
                <ProjectReference Include="../shapes/shapes.csproj" />
              </ItemGroup>
            </Project>
            """);
        // A library that uses the generator too, referenced by the app: each has its own copy of the readers' support
        // types, in its own namespace, so nothing clashes (CS0436).
        Directory.CreateDirectory(Path.Combine(work, "shapes", "samples"));
        File.WriteAllText(Path.Combine(work, "shapes", "shapes.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ActivationReports.Schema" Version="{Version}" PrivateAssets="all" />
                <AdditionalFiles Include="samples/layers.csv" RecordName="LayerInfo" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(work, "shapes", "samples", "layers.csv"), "layer,name\n0,embed\n");
        File.WriteAllText(Path.Combine(app, "samples", "neurons.csv"),
            "neuron,layer,score,label,note\n0,3,0.25,syntax,\"a note, with a comma\"\n1,4,1.5,semantics,\"He said \"\"hi\"\"\"\n");
        // The record's `neuron` column is Neuron2: a member may not be named as its record.
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System.Globalization;
            using neurons;

            GC.KeepAlive(typeof(shapes.LayerInfoCsvReader));
            using var reader = NeuronCsvReader.Open(args[0]);
            while (reader.TryRead(out var neuron))
            {
                Console.WriteLine(string.Join('|', neuron.Neuron2, neuron.Layer, neuron.Score.ToString("R", CultureInfo.InvariantCulture), neuron.Label, neuron.Note));
            }
            """);
        var rows = Enumerable.Range(0, 5000).Select(i => (Neuron: i, Layer: i % 12, Score: i * 0.25, Label: $"label{i % 7}", Note: $"note {i}, \"quoted\"")).ToList();
        var data = Path.Combine(work, "neurons.csv");
        File.WriteAllLines(data, ["neuron,layer,score,label,note", .. rows.Select(r =>
            string.Join(',', r.Neuron, r.Layer, r.Score.ToString("R", CultureInfo.InvariantCulture), r.Label, "\"" + r.Note.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))]);

        var appBuild = cli.Build(app, Path.Combine(app, "neurons.csproj"));
        Assert.True(appBuild.ExitCode == 0, appBuild.ToString());
        Assert.Contains("0 Warning(s)", appBuild.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0436", appBuild.Output, StringComparison.Ordinal);
        var read = cli.Run(app, "run", "--no-build", "--project", Path.Combine(app, "neurons.csproj"), "--", data);

        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal(
            rows.Select(r => string.Join('|', r.Neuron, r.Layer, r.Score.ToString("R", CultureInfo.InvariantCulture), r.Label, r.Note)),
            read.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')));
    }

    /// <summary>An analyzer-only package: the generator and its props, nothing to compile against.</summary>
    private static void AssertSchemaPackageLayout(string path)
    {
        using var package = ZipFile.OpenRead(path);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        Assert.Empty(new[] { "README.md", "analyzers/dotnet/cs/Reports.Schema.dll", "build/ActivationReports.Schema.props" }.Except(entries));
    }

    /// <summary><c>dotnet pack</c> at the root, in an artifacts folder of the test's own: the repository's bin/ and obj/ are not touched.</summary>
    private static void Pack(string temp, string feed)
    {
        var pack = DotnetCli.Run(TestEnvironment.RepositoryRoot,
            "pack", "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(temp, "artifacts"), "-nologo", "-tl:off", "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    /// <summary>The demo data's aggregate.csv as the repository's own command (the one the demo build runs) writes it.</summary>
    private static byte[] ReferenceAggregate(string directory, string demoData)
    {
        var run = DotnetCli.Run(TestEnvironment.RepositoryRoot, "exec", TestEnvironment.ReportsCommandAssembly, "build",
            "--descriptions", Path.Combine(demoData, "personal_general_desc.csv"), "--prompts", Path.Combine(demoData, "personal_general_prompts.jsonl"),
            "--out", directory, "--no-render");
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllBytes(Path.Combine(directory, "aggregate.csv"));
    }

    /// <summary>Build assets and the command's publish output; no lib/ (nothing compiled against) and no dependencies.</summary>
    private static void AssertBuildPackageLayout(string path)
    {
        using var package = ZipFile.OpenRead(path);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        string[] expected =
        [
            "README.md", "build/ActivationReports.props", "build/ActivationReports.targets", "build/Reports.Build.targets",
            "tasks/netstandard2.0/Reports.Build.Tasks.dll",
            "tools/reports/reports.dll", "tools/reports/reports.deps.json", "tools/reports/reports.runtimeconfig.json",
            .. NativeAssets("tools/reports/"),
        ];
        Assert.Empty(expected.Except(entries));

        // One source: the package's targets are the repository's file as it is.
        using (var targets = new StreamReader(package.GetEntry("build/Reports.Build.targets")!.Open()))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "src", "Reports.Build", "Reports.Build.targets")), targets.ReadToEnd());
        }

        using var nuspec = new StreamReader(package.GetEntry("ActivationReports.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.Contains("<license type=\"expression\">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependencies", text, StringComparison.Ordinal);
    }

    /// <summary>Our assemblies in a package carry their symbols (an embedded portable PDB), so stack traces name lines.</summary>
    private static void AssertEmbeddedSymbols(string path, params string[] assemblies)
    {
        using var package = ZipFile.OpenRead(path);
        foreach (var name in assemblies)
        {
            using var bytes = new MemoryStream();
            using (var entry = package.GetEntry(name)?.Open() ?? throw new Xunit.Sdk.XunitException($"{Path.GetFileName(path)} has no {name}"))
            {
                entry.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(bytes);
            Assert.True(pe.ReadDebugDirectory().Any(d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.EmbeddedPortablePdb),
                $"{name} in {Path.GetFileName(path)} has no embedded symbols");
        }
    }

    private static void AssertToolPackageLayout(string path)
    {
        using var package = ZipFile.OpenRead(path);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "README.md", "tools/net10.0/any/DotnetToolSettings.xml", "tools/net10.0/any/reports.dll",
            .. NativeAssets("tools/net10.0/any/"),
        ];
        Assert.Empty(expected.Except(entries));
    }

    /// <summary>SkiaSharp's and HarfBuzzSharp's native libraries for Linux, Windows and macOS (only Linux is run here).</summary>
    private static IEnumerable<string> NativeAssets(string root) =>
        from native in new[] { ("linux-x64", "lib{0}.so"), ("win-x64", "lib{0}.dll"), ("osx", "lib{0}.dylib") }
        from library in new[] { "SkiaSharp", "HarfBuzzSharp" }
        select $"{root}runtimes/{native.Item1}/native/{string.Format(CultureInfo.InvariantCulture, native.Item2, library)}";

    /// <summary>The feed, then the package sources this machine's NuGet uses, as `dotnet nuget list source` names them.</summary>
    private static void WriteNuGetConfig(string directory, string feed)
    {
        var list = DotnetCli.Run(directory, "nuget", "list", "source", "--format", "short");
        Assert.True(list.ExitCode == 0, list.ToString());
        var sources = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select((line, i) => $"""    <add key="source{i}" value="{System.Security.SecurityElement.Escape(line[2..].Trim())}" />""");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="feed" value="{System.Security.SecurityElement.Escape(feed)}" />
            {string.Join('\n', sources)}
              </packageSources>
            </configuration>
            """);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
