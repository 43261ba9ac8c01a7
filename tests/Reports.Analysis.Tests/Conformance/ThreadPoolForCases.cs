using System.Runtime.CompilerServices;

namespace Reports.Analysis.Tests.Conformance;

/// <summary>
/// The conformance cases run side by side, each test thread blocked while its case reads on a thread of its own, and
/// the parallel reader's workers come from the thread pool. With only as many pool threads as cores at start, the
/// workers can wait for the pool to grow, which it does slowly, and on a loaded machine a case of a few bytes passed
/// <see cref="ReaderOutcome.TimeLimit"/> (a fresh clone's CI run): a hang the watchdog exists to catch, but made by the tests.
/// </summary>
internal static class ThreadPoolForCases
{
    [ModuleInitializer]
    internal static void StartWithEnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount + 8), io);
    }
}
