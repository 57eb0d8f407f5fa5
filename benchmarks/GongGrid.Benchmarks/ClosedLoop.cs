using System.Diagnostics;

namespace GongGrid.Benchmarks;

/// <summary>
/// A closed-loop load: each caller makes a call, waits for it, and makes the next, until the time is up; every
/// call's latency is kept. Callers run on the thread pool, so synchronous calls (SQLite) overlap too.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="newCaller">Makes one caller's call (its own connection or command, when calls need one each).</param>
    public static async Task<LoadFigures> RunAsync(int callers, TimeSpan duration, Func<Func<Task>> newCaller)
    {
        var calls = Enumerable.Range(0, callers).Select(_ => newCaller()).ToArray();
        var latencies = new List<double>[callers];
        var (paused, collections, full, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = [];
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await calls[caller]();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(list => list).Order().ToArray();
        return new LoadFigures(
            sorted.Length / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99),
            (GC.GetTotalPauseDuration() - paused).TotalMilliseconds, GC.CollectionCount(0) - collections, GC.CollectionCount(2) - full,
            (GC.GetTotalAllocatedBytes() - allocated) / sorted.Length);
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];
}

/// <summary>
/// Calls per second, the median and 99th percentile latency in milliseconds, the garbage collections meanwhile, and the
/// bytes the process allocated per call (server and client together when both are in this process).
/// </summary>
internal sealed record LoadFigures(
    double CallsPerSecond, double P50, double P99, double GcPausedMilliseconds, int Collections, int FullCollections, long AllocatedPerCall);
