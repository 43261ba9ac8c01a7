using System.Globalization;

namespace Reports.Bench;

/// <summary>What the numbers were measured on: CPU model, cores the runtime sees, total RAM.</summary>
public sealed record MachineInfo(string Cpu, int Cores, double RamGigabytes)
{
    public static MachineInfo Current() => new(
        ProcField("/proc/cpuinfo", "model name") ?? "unknown CPU",
        Environment.ProcessorCount,
        // MemTotal is in kB.
        double.Parse(ProcField("/proc/meminfo", "MemTotal")?.Split(' ')[0] ?? "0", CultureInfo.InvariantCulture) * 1024 / 1e9);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Cpu}, {Cores} cores, {RamGigabytes:F1} GB RAM");

    /// <summary>The value of the first "name : value" line of a /proc file.</summary>
    private static string? ProcField(string path, string name) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
