using System.Diagnostics;
using GongGrid.Benchmarks.BenchGrains;

namespace GongGrid.Benchmarks;

/// <summary>
/// Calls per second to activations that already exist, from concurrent caller loops on one silo. Each caller holds
/// its references, as a grain or a gRPC handler would, and walks through the grains so most calls find their
/// target idle; the occasional collision takes the queued path, as it would in production.
/// </summary>
internal static class RuntimeCallBenchmark
{
    private const int Grains = 10_000;
    private const int Runs = 5;
    private const int AsyncCallers = 256;
    private const int CallsBetweenClockChecks = 64;
    private static readonly TimeSpan RunLength = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WarmUpLength = TimeSpan.FromSeconds(1);

    public static async Task RunAsync()
    {
        await using var silo = await BenchSilo.StartAsync();
        var grains = Enumerable.Range(0, Grains)
            .Select(index => silo.GrainFactory.GetGrain<IQueryGrain>(BenchSilo.VillageKey("warm", index)))
            .ToArray();
        foreach (var grain in grains)
        {
            await grain.GetStrikesAsync();
        }

        // Synchronous calls never yield, so more loops than cores would only wait for a thread.
        var syncCallers = Environment.ProcessorCount * 2;
        await MeasureAsync($"ValueTask<int>, completes synchronously, {syncCallers} callers", grains, syncCallers,
            static grain => grain.GetStrikesAsync());
        await MeasureAsync($"Task<int>, completes synchronously, {syncCallers} callers", grains, syncCallers,
            static grain => new ValueTask<int>(grain.GetStrikesTaskAsync()));
        await MeasureAsync($"Task<int> after Task.Yield, {AsyncCallers} callers", grains, AsyncCallers,
            static grain => new ValueTask<int>(grain.GetStrikesAfterYieldAsync()));
    }

    private static async Task MeasureAsync(string label, IQueryGrain[] grains, int callers, Func<IQueryGrain, ValueTask<int>> call)
    {
        // Lets tiered compilation and the thread pool settle before anything counts.
        await CallsPerSecondAsync(grains, callers, call, WarmUpLength);
        var runs = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            runs.Add(await CallsPerSecondAsync(grains, callers, call, RunLength));
        }
        Report.Figure(label, Report.Median(runs), "calls/s", runs);
    }

    private static async Task<double> CallsPerSecondAsync(IQueryGrain[] grains, int callers, Func<IQueryGrain, ValueTask<int>> call, TimeSpan length)
    {
        var stopwatch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var calls = 0L;
            var index = caller * (grains.Length / callers);
            while (stopwatch.Elapsed < length)
            {
                for (var step = 0; step < CallsBetweenClockChecks; step++)
                {
                    await call(grains[index]);
                    index = index + 1 == grains.Length ? 0 : index + 1;
                }
                calls += CallsBetweenClockChecks;
            }
            return calls;
        })).ToArray();
        var total = (await Task.WhenAll(loops)).Sum();
        return total / stopwatch.Elapsed.TotalSeconds;
    }
}
