using System.Diagnostics;

namespace GongGrid.Benchmarks;

/// <summary>
/// What a run cost this process: wall time, CPU time (on a shared machine a steadier figure than the rate), GC pauses
/// and bytes allocated; printed per event.
/// </summary>
internal sealed record ProcessCost(TimeSpan Elapsed, TimeSpan Cpu, TimeSpan GcPaused, long AllocatedBytes)
{
    public static async Task<ProcessCost> MeasureAsync(Func<Task> run)
    {
        var (cpu, paused, allocated) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var stopwatch = Stopwatch.StartNew();
        await run();
        return new ProcessCost(
            stopwatch.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu,
            GC.GetTotalPauseDuration() - paused,
            GC.GetTotalAllocatedBytes() - allocated);
    }

    /// <summary>Prints the rate and the cost per event; returns the rate, events per second.</summary>
    public double Print(string label, int events)
    {
        var rate = events / Elapsed.TotalSeconds;
        Report.Figure(label, rate, "events/s");
        Report.Figure($"  CPU per event (busy {Cpu / (Elapsed * Environment.ProcessorCount) * 100:N0} % of {Environment.ProcessorCount} cores)", Cpu.TotalMicroseconds / events, "µs");
        Report.Figure("  allocated per event", AllocatedBytes / events, "bytes");
        Report.Figure("  GC pauses", GcPaused / Elapsed * 100, "% of the run");
        return rate;
    }
}
