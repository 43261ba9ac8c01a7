using CsCheck;

namespace Reports.Analysis.Tests.Fuzzing;

/// <summary>
/// How a fuzz target samples its generator. In a plain <c>dotnet test</c> it runs a fixed list of seeds, one case each,
/// so every run checks the same cases (CsCheck's <c>seed:</c> fixes only a sample's first case; the rest it draws from
/// the clock). A failing case is handed to CsCheck to shrink: it prints the smallest failing input it found and the seed
/// that regenerates it. With <c>CsCheck_Time</c> or <c>CsCheck_Iter</c> set, a target is CsCheck's own random run on
/// every core for that long; with <c>CsCheck_Seed</c> set, it replays that seed and shrinks from there.
/// </summary>
internal static class FuzzRun
{
    /// <summary>The fixed seeds of the short run: case i is stream i + 1 of a PCG started from this number.</summary>
    private const ulong ShortRunSeed = 0x5EED_0018;

    /// <summary>Cases CsCheck draws while shrinking a failure of the short run (only smaller ones are checked).</summary>
    private const long ShrinkCases = 20_000;

    public static void Check<T>(Gen<T> gen, Action<T> property, Func<T, string> print, int shortRunCases)
    {
        if (CsCheck.Check.Seed is not null || CsCheck.Check.Time >= 0 || Environment.GetEnvironmentVariable("CsCheck_Iter") is not null)
        {
            gen.Sample(property, print: print); // every default from the CsCheck_* variables
            return;
        }

        // One thread: xunit already runs the test classes side by side on every core.
        for (var i = 0; i < shortRunCases; i++)
        {
            var seed = new PCG((uint)i + 1, ShortRunSeed).ToString();
            try
            {
                gen.Sample(property, seed: seed, iter: 1, threads: 1, print: print);
            }
            catch (CsCheckException error)
            {
                // The failing case, shrunk: CsCheck throws with the smallest input it finds and its seed.
                gen.Sample(property, seed: seed, iter: ShrinkCases, print: print);
                throw new InvalidOperationException($"Case {i} (seed {seed}) failed once and passed when replayed: the property is not deterministic.", error);
            }
        }
    }
}
