using System.Diagnostics;
using GongGrid.Benchmarks.BenchGrains;
using GongGrid.Testing;

namespace GongGrid.Benchmarks;

/// <summary>
/// The cost of a new activation (first call to a fresh grain with one small persistent state over in-memory
/// storage) and the memory an idle activation keeps. Each run uses a fresh silo; the first run only warms up.
/// </summary>
internal static class ActivationBenchmark
{
    private const int Activations = 100_000;
    private const int Runs = 3;

    public static async Task RunAsync()
    {
        var costs = new List<double>();
        var sizes = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            await using var silo = await BenchSilo.StartAsync();
            var before = await LiveHeap.SettledAsync();
            var stopwatch = Stopwatch.StartNew();
            await ActivateAsync(silo, $"run-{run}");
            var elapsed = stopwatch.Elapsed;
            var after = await LiveHeap.SettledAsync();
            if ((await silo.ActivationCountAsync()) != Activations)
            {
                throw new InvalidOperationException($"Expected {Activations} activations, found {(await silo.ActivationCountAsync())}.");
            }
            if (run > 0)
            {
                costs.Add(elapsed.TotalNanoseconds / Activations / 1000);
                sizes.Add((after - before) / (double)Activations);
            }
        }
        Report.Figure($"time per new activation ({Activations:N0} grains)", Report.Median(costs), "µs", costs);
        Report.Figure("activations per second", 1_000_000 / Report.Median(costs), "/s");
        Report.Figure("memory per idle activation (small state, key included)", Report.Median(sizes), "bytes", sizes);
    }

    /// <summary>
    /// First calls from one loop per core pair; references and keys are made on the way, so what stays reachable
    /// afterwards is what the silo holds: activation, grain, state, key and directory entry.
    /// </summary>
    private static Task ActivateAsync(TestSilo silo, string run)
    {
        var callers = Environment.ProcessorCount * 2;
        return Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            for (var index = caller; index < Activations; index += callers)
            {
                await silo.GrainFactory.GetGrain<IQueryGrain>(BenchSilo.VillageKey(run, index)).GetStrikesAsync();
            }
        })));
    }
}
