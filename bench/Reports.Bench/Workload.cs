using System.Diagnostics;
using System.Globalization;
using Reports.DataGen;

namespace Reports.Bench;

/// <summary>The benchmark's data set for a scale, generated once into a cache folder by the repository's generator.</summary>
public sealed record Workload(DataSetOptions Options, DataSetFiles Files)
{
    /// <summary>
    /// Scale 1 is about 459 MB of JSONL. Higher scales add features (the same lines, more of them) or, growing
    /// prompts, make every line longer (the same features): memory may grow with the first, must not with the second.
    /// </summary>
    public static DataSetOptions OptionsFor(int scale, bool growPrompts = false, WriterStyle style = WriterStyle.Compact, TextMix text = TextMix.Latin)
    {
        var (features, prompts) = growPrompts ? (3_600, 150 * scale) : (3_600 * scale, 150);
        return new DataSetOptions { Features = features, PromptsPerFeature = prompts, TokensPerPrompt = 48, Seed = 42, Style = style, Text = text };
    }

    /// <summary>The cache folder and results name of a scale: "4x", or "4x-prompts" when prompts grow.</summary>
    public static string Name(int scale, bool growPrompts) => growPrompts && scale > 1 ? $"{scale}x-prompts" : $"{scale}x";

    /// <summary>The writer style's name, as the results table shows it.</summary>
    public string Style => WriterStyles.Name(Options.Style);

    public long PromptsBytes => new FileInfo(Files.PromptsPath).Length;

    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{Options.Features:N0} features x ~{Options.PromptsPerFeature} prompts x ~{Options.TokensPerPrompt} tokens, seed {Options.Seed}, {TextMixes.Name(Options.Text)} text, written by {WriterStyles.Writer(Options.Style)}");

    /// <summary>The data, without how it was written: the same for every style of one bench run.</summary>
    public string DataDescription => string.Create(CultureInfo.InvariantCulture,
        $"{Options.Features:N0} features x ~{Options.PromptsPerFeature} prompts x ~{Options.TokensPerPrompt} tokens, seed {Options.Seed}, {TextMixes.Name(Options.Text)} text");

    /// <summary>The cached data set for the scale, generated when missing or made with other options.</summary>
    public static Workload Ensure(int scale, bool growPrompts, WriterStyle style, TextMix text, string cacheRoot, TextWriter log) =>
        Ensure(OptionsFor(scale, growPrompts, style, text), Name(scale, growPrompts)
            + (style == WriterStyle.Compact ? "" : "-" + WriterStyles.Name(style)) + (text == TextMix.Latin ? "" : "-" + TextMixes.Name(text)), cacheRoot, log);

    /// <summary>The cached data set of these options in the cache folder <paramref name="name"/>, generated when missing or made with other options.</summary>
    public static Workload Ensure(DataSetOptions options, string name, string cacheRoot, TextWriter log)
    {
        var directory = Path.Combine(cacheRoot, name);
        var workload = new Workload(options, new DataSetFiles(
            Path.Combine(directory, DataSetFiles.DescriptionsFileName), Path.Combine(directory, DataSetFiles.PromptsFileName)));
        var stamp = Path.Combine(directory, "options.txt");
        if (File.Exists(stamp) && File.ReadAllText(stamp) == workload.Description
            && File.Exists(workload.Files.DescriptionsPath) && File.Exists(workload.Files.PromptsPath))
        {
            return workload;
        }

        log.WriteLine($"generating {workload.Description} into {directory} (once; cached) ...");
        var stopwatch = Stopwatch.StartNew();

        // Generated beside the cache and moved in with the stamp last, so an interrupted run is never taken for a finished one.
        var staging = directory + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var generated = DataSetWriter.Write(workload.Options, staging);
        File.WriteAllText(Path.Combine(staging, "options.txt"), workload.Description);
        Directory.CreateDirectory(directory);
        File.Delete(stamp);
        File.Move(generated.DescriptionsPath, workload.Files.DescriptionsPath, overwrite: true);
        File.Move(generated.PromptsPath, workload.Files.PromptsPath, overwrite: true);
        File.Move(Path.Combine(staging, "options.txt"), stamp);
        Directory.Delete(staging);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {workload.PromptsBytes / 1e6:F1} MB of JSONL in {stopwatch.Elapsed.TotalSeconds:F0} s"));
        return workload;
    }
}
